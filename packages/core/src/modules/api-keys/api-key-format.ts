import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** The alphabet of a credential's prefix (lowercase, to read out) and of its secret (base62). */
export const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const KEY_PATTERN = /^tnt_([a-z0-9]{8})_([A-Za-z0-9]{40})$/;

/** `length` characters of `alphabet`, each from node:crypto's uniform `randomInt`. */
export function randomChars(alphabet: string, length: number): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** A new key `tnt_<prefix>_<secret>`: 8 lowercase characters to find it by, 40 base62 (~238 bits) of secret. */
export function generateApiKey(): { key: string; prefix: string } {
  const prefix = randomChars(PREFIX_ALPHABET, 8);
  return { key: `tnt_${prefix}_${randomChars(SECRET_ALPHABET, 40)}`, prefix };
}

/** The prefix of a well-formed key, or undefined. */
export function parseApiKey(key: string): string | undefined {
  return KEY_PATTERN.exec(key.trim())?.[1];
}

/** sha256 of the whole key: the secret is long and random, so a fast hash makes the stored value useless. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key.trim()).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** "tnt_ab12cd34_..." or "tnt_ab12cd34" or "ab12cd34" → "ab12cd34". */
export function normalizePrefix(value: string): string {
  const trimmed = value.trim();
  return (trimmed.startsWith('tnt_') ? trimmed.slice(4) : trimmed).split('_')[0] ?? '';
}

/** Scopes are dotted names; a trailing `*` segment grants everything under it, `*` alone everything. */
export function scopeGrants(granted: string, requested: string): boolean {
  if (granted === '*' || granted === requested) return true;
  if (!granted.endsWith('.*')) return false;
  return requested.startsWith(granted.slice(0, -1));
}

export function scopesGrant(granted: readonly string[], requested: string): boolean {
  return granted.some((scope) => scopeGrants(scope, requested));
}
