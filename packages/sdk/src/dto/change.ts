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
}

export function toChangeDto(outcome: { result: ChangeResult; steps: PlanStep[]; changes: FieldChange[] }): ChangeDto {
  return {
    result: outcome.result,
    steps: outcome.steps,
    changes: outcome.changes.map((change) => ({ field: change.field, from: jsonSafe(change.from), to: jsonSafe(change.to) })),
  };
}

export function jsonSafe(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value ?? null)) as unknown);
}
