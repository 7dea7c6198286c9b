import { describe, expect, it } from 'vitest';
import { generateOneTimePassword, hashPassword, verifyPassword } from './password.ts';
import { DEFAULT_PASSWORD_POLICY, passwordProblems } from './password-policy.ts';

describe('one-time passwords', () => {
  it('are 24 characters, meet the default policy and differ every time', () => {
    const passwords = Array.from({ length: 50 }, () => generateOneTimePassword());
    for (const password of passwords) {
      expect(password).toHaveLength(24);
      expect(passwordProblems(DEFAULT_PASSWORD_POLICY, password)).toEqual([]);
      expect(password).not.toMatch(/[0O1lI]/);
    }
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});

describe('password hashes', () => {
  it('verify the right password only, and never contain it', async () => {
    const hash = await hashPassword('Tr0ub4dor&3-long');
    expect(hash).toMatch(/^scrypt\$15\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(hash).not.toContain('Tr0ub4dor');
    expect(await verifyPassword('Tr0ub4dor&3-long', hash)).toBe(true);
    expect(await verifyPassword('Tr0ub4dor&3-lonG', hash)).toBe(false);
    expect(await verifyPassword('Tr0ub4dor&3-long', 'md5$whatever')).toBe(false);
  });

  it('salt every hash', async () => {
    expect(await hashPassword('Same-Password-1')).not.toBe(await hashPassword('Same-Password-1'));
  });
});

describe('password policy', () => {
  it('names everything a password lacks', () => {
    expect(passwordProblems(DEFAULT_PASSWORD_POLICY, 'short')).toEqual(['at least 12 characters', 'an uppercase letter', 'a digit']);
    expect(passwordProblems({ ...DEFAULT_PASSWORD_POLICY, requireSymbols: true }, 'LongEnough123')).toEqual(['a symbol']);
  });
});
