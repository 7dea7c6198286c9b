import type { z } from 'zod';
import { TenantryError, type InputIssue } from '../errors.ts';

/** Validates input with a zod schema, turning every failure into one INVALID_INPUT naming each field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.flatMap((issue) => toInputIssues(issue, input));
  const firstPerField = issues.filter((issue, index) => issues.findIndex((other) => other.path === issue.path) === index);
  throw TenantryError.invalidInput(firstPerField);
}

/** One issue per field: each unknown key is its own, told what the schema allows there when it says. */
function toInputIssues(issue: z.core.$ZodIssue, input: unknown): InputIssue[] {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const message = issue.message.startsWith('Unrecognized key') ? 'is not a known field' : issue.message;
    return issue.keys.map((key) => ({ path: [path, key].filter(Boolean).join('.'), message }));
  }
  if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) {
    return [{ path, message: 'is required' }];
  }
  return [{ path, message: issue.message }];
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
