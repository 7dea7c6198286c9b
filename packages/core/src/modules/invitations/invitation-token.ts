import { createHash, randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const TOKEN_PATTERN = /^inv_[A-Za-z0-9]{40}$/;

/** `inv_` and 40 random base62 characters (~238 bits): shown once, stored only as a hash. */
export function generateInvitationToken(): string {
  return `inv_${Array.from({ length: 40 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`;
}

/** sha256: the token is random and long, so a fast hash is enough to make the stored value useless. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function looksLikeInvitationToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}
