import { createHash, randomInt } from 'node:crypto';

const COUNT = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten recovery codes `xxxxx-xxxxx` (50 bits each), shown once; each signs in once in place of a TOTP code. */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: COUNT }, () => `${randomText(5)}-${randomText(5)}`);
}

export function looksLikeRecoveryCode(text: string): boolean {
  return /^[a-z0-9]{5}-[a-z0-9]{5}$/i.test(text.trim());
}

/** Only the hash is stored: a code has enough entropy that a fast hash cannot be reversed. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.trim().toLowerCase()).digest('hex');
}

function randomText(length: number): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}
