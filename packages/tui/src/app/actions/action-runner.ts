import type { TenantryClient } from '@tenantry/sdk';
import type { EffectRequest, PlanLine } from '../state/types.ts';
import type { WizardState } from '../state/wizard.ts';

/** What a console action does: shows a plan, then applies it. */
export interface PlanView {
  title: string;
  steps: PlanLine[];
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
}

export interface ActionRunner {
  plan(context: RunnerContext): Promise<PlanView>;
  apply(context: RunnerContext): Promise<AppliedView>;
}
