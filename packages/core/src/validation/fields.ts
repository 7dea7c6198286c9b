import { domainToASCII, domainToUnicode } from 'node:url';
import { z } from 'zod';

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function displayName(maxLength: number): z.ZodType<string, string> {
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(maxLength, `must be at most ${maxLength} characters`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'must not contain control characters')
    .refine((value) => /[\p{L}\p{N}]/u.test(value), 'must contain at least one letter or digit');
}

/** Free text an operator types (a reason): one line, no control characters or terminal escapes. */
export function freeText(maxLength: number): z.ZodType<string, string> {
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(maxLength, `must be at most ${maxLength} characters`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'must not contain control characters or terminal escape sequences');
}

export const emailAddress = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('must be an email address like name@example.com'))
  .transform((value) => value.toLowerCase());

export function boundedInteger(min: number, max: number): z.ZodNumber {
  return z
    .number('must be a whole number')
    .int('must be a whole number')
    .min(min, `must be between ${min} and ${max}`)
    .max(max, `must be between ${min} and ${max}`);
}

let knownTimeZones: ReadonlySet<string> | undefined;
function isTimeZone(value: string): boolean {
  knownTimeZones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC']);
  return knownTimeZones.has(value);
}

export const timeZone = z.string().trim().refine(isTimeZone, 'must be an IANA time zone such as UTC, Europe/Paris or America/Edmonton');

export const phoneNumber = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ().-]{4,24}$/, 'must be a phone number such as "+1 555 123 4567"')
  .refine((value) => {
    const digits = value.replace(/\D/g, '').length;
    return digits >= 7 && digits <= 15;
  }, 'must have 7 to 15 digits');

/** Returns the lowercase punycode form of a hostname, or undefined when it is not one. */
export function normalizeHostname(input: string): string | undefined {
  const trimmed = input.trim().replace(/\.$/, '');
  if (trimmed.length === 0 || /[\s/:@?#*]/.test(trimmed)) return undefined;
  const ascii = domainToASCII(trimmed);
  if (!ascii || ascii.length > 253) return undefined;
  const labels = ascii.split('.');
  if (labels.length < 2) return undefined;
  const validLabels = labels.every((label) => /^(?!-)[a-z0-9-]{1,63}(?<!-)$/.test(label) && (!label.startsWith('xn--') || isPunycodeLabel(label)));
  const tld = labels.at(-1) ?? '';
  return validLabels && /[a-z]/.test(tld) ? ascii : undefined;
}

/** An `xn--` label must decode to Unicode that encodes back to exactly it (`xn--zz` decodes to nothing). */
function isPunycodeLabel(label: string): boolean {
  const unicode = domainToUnicode(label);
  return unicode !== label && domainToASCII(unicode) === label;
}

export const hostname = z.string().transform((value, ctx) => {
  const normalized = normalizeHostname(value);
  if (normalized === undefined) {
    ctx.addIssue({ code: 'custom', message: 'must be a hostname such as app.example.com' });
    return z.NEVER;
  }
  return normalized;
});
