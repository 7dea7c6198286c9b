import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact.ts';

describe('redactSecrets', () => {
  it('keeps facts whose names merely mention a secret: limits, mustChangePassword, counts, password rules', () => {
    const audited = {
      limits: { maxApiKeys: 5, maxUsers: 10 },
      'limits.maxApiKeys': 25,
      mustChangePassword: true,
      apiKeys: 3,
      invitations: 2,
      'securityPolicy.password.minLength': 12,
      tokenCount: 1,
    };
    expect(redactSecrets(audited)).toEqual(audited);
  });

  it('redacts the listed secret fields at any depth, in arrays and in dotted keys, whatever the case', () => {
    const redacted = redactSecrets({
      password: 'hunter2',
      owner: { passwordHash: 'scrypt$…', email: 'a@example.com' },
      keys: [{ keyHash: 'ab12', prefix: 'tnt_ab' }],
      'domain.verificationToken': 'tok',
      TOKEN: 't',
      secret: 's',
      tokenHash: 'h',
    });
    expect(redacted).toEqual({
      password: '[redacted]',
      owner: { passwordHash: '[redacted]', email: 'a@example.com' },
      keys: [{ keyHash: '[redacted]', prefix: 'tnt_ab' }],
      'domain.verificationToken': '[redacted]',
      TOKEN: '[redacted]',
      secret: '[redacted]',
      tokenHash: '[redacted]',
    });
  });
});
