import { z } from 'zod';
import { TenantryError } from '../../errors.ts';
import { canonicalJson } from '../../lib/canonical-json.ts';
import type { FieldChange } from '../changes/change.ts';
import { CUSTOM_NAME_RULE, CUSTOM_SETTINGS_MAX, CUSTOM_VALUE_MAX_BYTES, customNameProblem } from './setting-keys.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A tenant's custom settings as stored: name → JSON value (never null: an unset setting is absent). */
export type CustomSettings = Record<string, JsonValue>;

/** A JSON value, to a bounded depth (a cycle is not one). */
function isJsonValue(value: unknown, depth = 0): value is JsonValue {
  if (depth > 64) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every((item) => isJsonValue(item, depth + 1));
}

/** Any JSON value; not z.json(), whose recursive JSON Schema would not resolve inside the OpenAPI document. */
const jsonValue = z.custom<JsonValue>((value) => isJsonValue(value), 'must be a JSON value: text, a number, true or false, null, a list or an object');

const jsonBytes = (value: JsonValue) => new TextEncoder().encode(JSON.stringify(value)).length;

/** Names, value sizes and the count of a record of custom settings, each problem at its `custom.<name>`. */
function checkCustom(allowNull: boolean) {
  return (record: Record<string, JsonValue>, ctx: z.RefinementCtx) => {
    const set = Object.entries(record).filter(([, value]) => value !== null);
    if (set.length > CUSTOM_SETTINGS_MAX) ctx.addIssue({ code: 'custom', message: `holds ${set.length} settings; at most ${CUSTOM_SETTINGS_MAX}` });
    for (const [name, value] of Object.entries(record)) {
      const problem = customNameProblem(name);
      if (problem) ctx.addIssue({ code: 'custom', path: [name], message: problem });
      else if (value === null && !allowNull)
        ctx.addIssue({ code: 'custom', path: [name], message: 'must be a value: leave out a setting the tenant does not have' });
      else if (value !== null && jsonBytes(value) > CUSTOM_VALUE_MAX_BYTES)
        ctx.addIssue({ code: 'custom', path: [name], message: `is ${jsonBytes(value)} bytes of JSON; at most ${CUSTOM_VALUE_MAX_BYTES}` });
    }
  };
}

/** The `custom` object of a settings document (bulk rows, provisioning, imports). */
export const customSettingsDocument = z
  .record(z.string(), jsonValue)
  .superRefine(checkCustom(false))
  .describe(
    `The tenant's own settings by name (${CUSTOM_NAME_RULE}): any JSON value, at most ${CUSTOM_VALUE_MAX_BYTES} bytes of JSON each, at most ${CUSTOM_SETTINGS_MAX}.`,
  );

/** A change of custom settings: a value sets one, null unsets it, names left out stay. */
export const customSettingsChange = z
  .record(z.string(), jsonValue)
  .superRefine(checkCustom(true))
  .describe(
    `Custom settings by name (${CUSTOM_NAME_RULE}): a JSON value sets one (at most ${CUSTOM_VALUE_MAX_BYTES} bytes of JSON; a tenant holds at most ${CUSTOM_SETTINGS_MAX}), null unsets it, names left out stay.`,
  );

/**
 * What `custom.NAME=VALUE` stores: the value as JSON when it is valid JSON (42, true, {"a":1}, "quoted"),
 * else the text itself (fr); an empty value, or null, unsets the setting (null).
 */
export function parseCustomValue(text: string): JsonValue {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  try {
    return JSON.parse(trimmed) as JsonValue;
  } catch {
    return trimmed;
  }
}

/** The custom settings after a change, refused (naming `custom`) when they would be more than a tenant may hold. */
export function changedCustomSettings(current: CustomSettings, change: Readonly<Record<string, JsonValue>>): CustomSettings {
  const next = new Map(Object.entries(current));
  for (const [name, value] of Object.entries(change)) {
    if (value === null) next.delete(name);
    else next.set(name, value);
  }
  if (next.size > CUSTOM_SETTINGS_MAX) {
    throw TenantryError.invalidInput([
      {
        path: 'custom',
        message: `a tenant holds at most ${CUSTOM_SETTINGS_MAX} custom settings; this change would make ${next.size} (unset some with custom.NAME=)`,
      },
    ]);
  }
  return Object.fromEntries([...next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * One change per custom setting set, changed or unset, its value compared whole (`settings.custom.limits`,
 * not `.limits.a`) and regardless of key order (jsonb keeps its own).
 */
export function customChanges(before: CustomSettings, after: CustomSettings): FieldChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.flatMap((name) => {
    const from = Object.hasOwn(before, name) ? before[name] : null;
    const to = Object.hasOwn(after, name) ? after[name] : null;
    return canonicalJson(from) === canonicalJson(to) ? [] : [{ field: `settings.custom.${name}`, from, to }];
  });
}

/** The custom settings a stored settings document holds (none when it has no `custom` object). */
export function customSettingsOf(settings: Readonly<Record<string, unknown>>): CustomSettings {
  const custom = settings.custom;
  return custom !== null && typeof custom === 'object' && !Array.isArray(custom) ? (custom as CustomSettings) : {};
}
