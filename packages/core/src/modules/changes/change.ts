import type { PlanStep } from '../../plan.ts';

/** What a change did: applied, found nothing to do, or (dry run) only planned. */
export type ChangeResult = 'applied' | 'unchanged' | 'planned';

/** One field whose value changes, by its dotted path ("limits.maxUsers", "features.sso"). */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface ChangeOutcome {
  result: ChangeResult;
  steps: PlanStep[];
  changes: FieldChange[];
}

/** The fields that differ between two plain values, recursing into plain objects; arrays compare whole. */
export function diffValues(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
    return keys.flatMap((key) => diffValues(before[key], after[key], path ? `${path}.${key}` : key));
  }
  return sameValue(before, after) ? [] : [{ field: path, from: before ?? null, to: after ?? null }];
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return toComparable(a) === toComparable(b);
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function toComparable(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : JSON.stringify(value ?? null);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

/** `{ field: from }` and `{ field: to }` for the audit trail's before and after. */
export function auditSides(changes: readonly FieldChange[]): { before: Record<string, unknown>; after: Record<string, unknown> } {
  return {
    before: Object.fromEntries(changes.map((change) => [change.field, change.from])),
    after: Object.fromEntries(changes.map((change) => [change.field, change.to])),
  };
}

/** Describes a change for a plan step: "limits.maxUsers 10 → 50". */
export function describeChange(change: FieldChange): string {
  return `${change.field} ${formatValue(change.from)} → ${formatValue(change.to)}`;
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
