import type { z } from 'zod';
import { MONITORED } from '../plans/catalog.ts';
import { customSettingName, spellingFree } from './setting-keys.ts';

/** The typed keys of the settings document, and the keys inside its objects, by spelling-free form (`custom` is exact). */
const DOCUMENT_KEYS = new Map(['theme', 'notifications', 'monitoring'].map((key) => [spellingFree(key), key]));
const INNER_KEYS: Record<string, ReadonlyMap<string, string>> = {
  notifications: new Map(['email', 'inApp'].map((key) => [spellingFree(key), key])),
  monitoring: new Map(MONITORED.map((key) => [spellingFree(key), key])),
};

const innerKey = (head: string, key: string) => INNER_KEYS[head]?.get(spellingFree(key)) ?? key;

const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A settings document (a bulk row's `settings`) in the one spelling of setting-keys.ts: typed keys in any
 * spelling become their name (`notifications.in_app` → `notifications.inApp`, `Theme` → `theme`), a
 * dotted key becomes nested (`"custom.language": "fr"` → `custom: { language: "fr" }`). Custom names stay
 * as written, and unknown keys stay, so the document's schema names them with what is allowed. Two
 * spellings of one setting are an issue naming the second. Not an object: returned as it is, for the
 * schema to refuse.
 */
export function inSettingsSpelling(document: unknown, ctx: z.RefinementCtx): unknown {
  if (!isPlainObject(document)) return document;
  const top = new Map<string, unknown>();
  const inner = new Map<string, Map<string, unknown>>();
  const givenAs = new Map<string, string>();
  const put = (path: [string] | [string, string], value: unknown, written: string) => {
    const name = path.join('.');
    const clash = givenAs.get(name) ?? (path.length === 2 ? givenAs.get(path[0]) : [...givenAs].find(([other]) => other.startsWith(`${name}.`))?.[1]);
    if (clash !== undefined) {
      ctx.addIssue({ code: 'custom', path: written.split('.'), message: `names the same setting as ${clash}; give it once`, input: document });
      return;
    }
    givenAs.set(name, written);
    if (path.length === 1) top.set(path[0], value);
    else inner.set(path[0], (inner.get(path[0]) ?? new Map<string, unknown>()).set(path[1], value));
  };
  for (const [key, value] of Object.entries(document)) {
    const customName = customSettingName(key);
    const dot = key.indexOf('.');
    const head = DOCUMENT_KEYS.get(spellingFree(dot < 0 ? key : key.slice(0, dot)));
    if (customName !== undefined) put(['custom', customName], value, key);
    else if (key === 'custom' && isPlainObject(value)) for (const [name, entry] of Object.entries(value)) put(['custom', name], entry, `custom.${name}`);
    else if (head === undefined) put([key], value, key);
    else if (dot >= 0) put([head, innerKey(head, key.slice(dot + 1))], value, key);
    else if (isPlainObject(value) && INNER_KEYS[head])
      for (const [name, entry] of Object.entries(value)) put([head, innerKey(head, name)], entry, `${key}.${name}`);
    else put([head], value, key);
  }
  for (const [head, entries] of inner) top.set(head, Object.fromEntries(entries));
  return Object.fromEntries(top);
}
