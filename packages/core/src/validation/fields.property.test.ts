import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RUNS, outcomeCode } from '../testing/properties.ts';
import { boundedInteger, displayName, emailAddress, hostname, normalizeHostname, phoneNumber, timeZone } from './fields.ts';
import { parseInput } from './parse-input.ts';

/** Any string, including control characters, astral and combining code points. */
const anyText = fc.string({ unit: 'binary', maxLength: 80 });
const anything = fc.oneof(anyText, fc.anything());

/** Every schema, fed anything, either accepts or throws INVALID_INPUT naming the field; accepted output re-validates to itself. */
function holdsAsValidator(schema: z.ZodType, input: fc.Arbitrary<unknown>): void {
  fc.assert(
    fc.property(input, (value) => {
      const code = outcomeCode(() => parseInput(z.object({ field: schema }), { field: value }));
      expect([null, 'INVALID_INPUT']).toContain(code);
      if (code === null) {
        const once: unknown = parseInput(schema, value);
        expect(parseInput(schema, once)).toEqual(once);
      }
    }),
    RUNS,
  );
}

describe('field validators (properties)', () => {
  it('never throw anything but INVALID_INPUT, and what they accept re-validates unchanged', () => {
    for (const schema of [displayName(200), emailAddress, hostname, phoneNumber, timeZone, boundedInteger(1, 1000)]) {
      holdsAsValidator(schema, anything);
    }
  });

  it('displayName: accepts exactly trimmed text of 1..max characters with a letter or digit and no control character', () => {
    const schema = displayName(40);
    fc.assert(
      fc.property(anyText, (value) => {
        const result = schema.safeParse(value);
        const trimmed = value.trim();
        // eslint-disable-next-line no-control-regex -- the property is about control characters
        const control = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
        const expected = trimmed.length >= 1 && trimmed.length <= 40 && !control.test(trimmed) && /[\p{L}\p{N}]/u.test(trimmed);
        expect(result.success).toBe(expected);
        if (result.success) expect(result.data).toBe(trimmed);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .&'-]{0,38}$/), (name) => void expect(schema.parse(`  ${name} `)).toBe(name.trim())),
      RUNS,
    );
  });

  it('emailAddress: accepted addresses are lowercase, at most 254 characters, and have one @ between a local part and a domain', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.emailAddress()), (value) => {
        const result = emailAddress.safeParse(value);
        if (!result.success) return;
        expect(result.data).toBe(result.data.toLowerCase());
        expect(result.data.length).toBeLessThanOrEqual(254);
        expect(result.data).toMatch(/^[^@\s]+@[^@\s]+\.[^@\s]+$/);
      }),
      RUNS,
    );
    const simple = fc.tuple(fc.stringMatching(/^[a-z0-9]([a-z0-9._-]{0,20}[a-z0-9])?$/), fc.domain()).filter(([local]) => !local.includes('..'));
    fc.assert(
      fc.property(simple, ([local, domain]) => void expect(emailAddress.parse(`${local}@${domain}`.toUpperCase())).toBe(`${local}@${domain}`.toLowerCase())),
      RUNS,
    );
  });

  it('normalizeHostname: never throws; its result is lowercase punycode that normalizes to itself, whatever the case or a final dot', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.domain(), fc.webUrl()), (value) => {
        const normalized = normalizeHostname(value);
        expect(hostname.safeParse(value).success).toBe(normalized !== undefined);
        if (normalized === undefined) return;
        expect(normalized).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
        expect(normalized.length).toBeLessThanOrEqual(253);
        expect(normalizeHostname(normalized)).toBe(normalized);
        expect(normalizeHostname(`${value.trim().toUpperCase()}.`)).toBe(normalized);
      }),
      RUNS,
    );
  });

  it('phoneNumber: accepted numbers have 7 to 15 digits; any 7 to 15 digits with spaces and an optional + are accepted', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        const result = phoneNumber.safeParse(value);
        if (result.success) expect(result.data.replace(/\D/g, '').length).toBeGreaterThanOrEqual(7);
        if (result.success) expect(result.data.replace(/\D/g, '').length).toBeLessThanOrEqual(15);
      }),
      RUNS,
    );
    const digits = fc.array(fc.stringMatching(/^[0-9]{1,3}$/), { minLength: 1, maxLength: 8 }).filter((groups) => {
      const count = groups.join('').length;
      return count >= 7 && count <= 15;
    });
    fc.assert(
      fc.property(
        digits,
        fc.boolean(),
        (groups, plus) => void expect(phoneNumber.parse(`${plus ? '+' : ''}${groups.join(' ')}`)).toBe(`${plus ? '+' : ''}${groups.join(' ')}`),
      ),
      RUNS,
    );
  });

  it('timeZone: accepts every IANA zone the runtime knows (trimmed) and nothing else', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    fc.assert(
      fc.property(fc.constantFrom(...zones), (zone) => void expect(timeZone.parse(` ${zone} `)).toBe(zone)),
      RUNS,
    );
    const known = new Set([...zones, 'UTC', 'Etc/UTC']);
    fc.assert(
      fc.property(anyText, (value) => void expect(timeZone.safeParse(value).success).toBe(known.has(value.trim()))),
      RUNS,
    );
  });

  it('boundedInteger: accepts exactly the whole numbers between its bounds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 500 }),
        fc.oneof(fc.integer({ min: -3000, max: 3000 }), fc.double()),
        (min, span, value) => {
          const accepted = boundedInteger(min, min + span).safeParse(value).success;
          expect(accepted).toBe(Number.isInteger(value) && value >= min && value <= min + span);
        },
      ),
      RUNS,
    );
  });
});
