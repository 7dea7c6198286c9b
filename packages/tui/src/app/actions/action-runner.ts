import type { FieldChangeDto, TenantryClient } from '@tenantry/sdk';
import type { EffectRequest, PlanChange, PlanLine } from '../state/types.ts';
import type { WizardState } from '../state/wizard.ts';

/** What a console action does: shows a plan, then applies it. */
export interface PlanView {
  title: string;
  steps: PlanLine[];
  /** The fields it changes, from the SDK's diff: shown once, apart from the steps. */
  changes?: PlanChange[];
  /** Destructive plans need this exact text typed back. */
  confirmName: string | null;
  /** The plan's fingerprint: the console applies with it, so only the plan shown is applied. */
  fingerprint?: string;
}

export interface AppliedView {
  message: string;
  lines?: string[];
  /** A secret handed over once (one-time password, API key, invitation token). */
  secret?: { label: string; value: string };
  openSlug?: string;
  closeTenant?: boolean;
}

export interface RunnerContext {
  client: TenantryClient;
  request: EffectRequest;
  wizard: WizardState;
  /** Reports a line of a long run (a tenant migrated, a row provisioned) to the busy dialog. */
  progress: (line: string) => void;
}

export interface ActionRunner {
  plan(context: RunnerContext): Promise<PlanView>;
  apply(context: RunnerContext): Promise<AppliedView>;
}

/** The SDK's diff as the plan dialog shows it: lists joined, nothing as "(none)", like the CLI. */
export function planChanges(changes: readonly FieldChangeDto[]): PlanChange[] {
  return changes.map((change) => ({ field: change.field, from: shownValue(change.from), to: shownValue(change.to) }));
}

function shownValue(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(shownValue).join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}
