import { randomBytes, scrypt } from 'node:crypto';

/** The floor's password work, as Tenantry does it: a 24-character one-time password hashed with scrypt N=2^15, r=8, p=1. */
export async function oneTimePasswordHash(): Promise<string> {
  const password = randomBytes(18).toString('base64url');
  const salt = randomBytes(16);
  const key = await new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }, (error, derived) => (error ? reject(error) : resolve(derived))),
  );
  return ['scrypt', 15, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}
