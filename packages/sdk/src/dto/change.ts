import type { ChangeResult, FieldChange, PlanStep } from '@tenantry/core';

/** A field that changes, by dotted path; dates are ISO strings. */
export interface FieldChangeDto {
  field: string;
  from: unknown;
  to: unknown;
}

/** What every change returns: applied, unchanged, or (dry run) planned, with its steps and diff. */
export interface ChangeDto {
  result: ChangeResult;
  steps: PlanStep[];
  changes: FieldChangeDto[];
  /** Identifies this plan and the state it was computed from: pass it as `expectFingerprint` to apply exactly it. */
  fingerprint?: string;
  /** Destructive plans: the exact text to type back as `confirm` (the tenant's name). */
  confirmText: string | null;
}

export function toChangeDto(outcome: {
  result: ChangeResult;
  steps: PlanStep[];
  changes: FieldChange[];
  fingerprint?: string;
  confirmText?: string | null;
}): ChangeDto {
  return {
    result: outcome.result,
    steps: toStepDtos(outcome.steps),
    changes: outcome.changes.map((change) => ({ field: change.field, from: jsonSafe(change.from), to: jsonSafe(change.to) })),
    ...(outcome.fingerprint ? { fingerprint: outcome.fingerprint } : {}),
    confirmText: outcome.confirmText ?? null,
  };
}

/** Plan steps as JSON carries them: statement parameters that are dates become ISO text. */
export function toStepDtos(steps: readonly PlanStep[]): PlanStep[] {
  return steps.some((step) => step.statements) ? (jsonSafe(steps) as PlanStep[]) : [...steps];
}

export function jsonSafe(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value ?? null)) as unknown);
}
