import { PREFIX_ALPHABET, SECRET_ALPHABET, hashApiKey, randomChars } from '../api-keys/api-key-format.ts';

export { sameHash } from '../api-keys/api-key-format.ts';

const TOKEN_PATTERN = /^tts_([a-z0-9]{8})_([A-Za-z0-9]{40})$/;

/** A new token `tts_<prefix>_<secret>`: 8 lowercase characters to find it by, 40 base62 (~238 bits) of secret. */
export function generateServiceToken(): { token: string; prefix: string } {
  const prefix = randomChars(PREFIX_ALPHABET, 8);
  return { token: `tts_${prefix}_${randomChars(SECRET_ALPHABET, 40)}`, prefix };
}

/** The prefix of a well-formed token, or undefined. */
export function parseServiceToken(token: string): string | undefined {
  return TOKEN_PATTERN.exec(token.trim())?.[1];
}

/** sha256 of the whole token, as for API keys: the secret is long and random, so a fast hash suffices. */
export function hashServiceToken(token: string): string {
  return hashApiKey(token);
}

/** "tts_ab12cd34_..." or "tts_ab12cd34" or "ab12cd34" → "ab12cd34". */
export function normalizeTokenPrefix(value: string): string {
  const trimmed = value.trim();
  return (trimmed.startsWith('tts_') ? trimmed.slice(4) : trimmed).split('_')[0] ?? '';
}
