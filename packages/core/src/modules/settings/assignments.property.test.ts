import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RUNS, outcomeCode } from '../../testing/properties.ts';
import { parseSettingAssignments } from './assignments.ts';
import { SETTING_KEYS } from './setting-keys.ts';

const keys = Object.keys(SETTING_KEYS) as (keyof typeof SETTING_KEYS)[];
/** Words that name something on every object: a parser that looks keys up in a plain object trips on them. */
const prototypeWords = fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype');
const assignment = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc
    .tuple(fc.oneof(fc.constantFrom(...keys), prototypeWords, fc.string({ maxLength: 12 })), fc.string({ unit: 'binary', maxLength: 20 }))
    .map(([key, value]) => `${key}=${value}`),
);

describe('parseSettingAssignments (properties)', () => {
  it('never throws anything but INVALID_INPUT, whatever the keys (prototype names included) and values', () => {
    fc.assert(
      fc.property(
        fc.array(assignment, { maxLength: 6 }),
        (assignments) => void expect([null, 'INVALID_INPUT']).toContain(outcomeCode(() => parseSettingAssignments(assignments))),
      ),
      RUNS,
    );
  });

  it('sets each known key to its trimmed value, an empty value clears it, and on/off set notifications', () => {
    const text = fc.string({ maxLength: 20 }).filter((value) => !value.includes('='));
    fc.assert(
      fc.property(fc.constantFrom('theme', 'contact-email', 'support-email', 'support-phone'), text, fc.constantFrom('', ' ', '  '), (key, value, padding) => {
        const fields = parseSettingAssignments([`${padding}${key.toUpperCase()}${padding}=${padding}${value}${padding}`]) as Record<string, unknown>;
        expect(fields[SETTING_KEYS[key as keyof typeof SETTING_KEYS]]).toBe(value.trim() === '' ? null : value.trim());
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.constantFrom('on', 'off', 'TRUE', 'no', '1', '0'), fc.constantFrom('notifications.email', 'notifications.in-app'), (flag, key) => {
        const fields = parseSettingAssignments([`${key}=${flag}`]);
        const expected = ['on', 'true', 'yes', '1'].includes(flag.toLowerCase());
        expect(fields.notifications).toEqual({ [key === 'notifications.email' ? 'email' : 'inApp']: expected });
      }),
      RUNS,
    );
  });
});
