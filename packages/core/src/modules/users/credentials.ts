import { hashPassword, verifyPassword } from './password.ts';

let decoyHash: Promise<string> | undefined;

/**
 * Whether a password is the account's. Without an account (or a password) a decoy hash is checked, so
 * an unknown email costs the same time as a wrong password and a caller cannot tell them apart.
 */
export async function passwordMatches(storedHash: string | null | undefined, password: string): Promise<boolean> {
  decoyHash ??= hashPassword('decoy: no account has this password');
  const matches = await verifyPassword(password, storedHash ?? (await decoyHash));
  return storedHash != null && matches;
}
