/**
 * The fields that hold secrets, by name (compared case-insensitively with the last segment of a dotted
 * key such as `owner.password`). An explicit list, not a pattern: `mustChangePassword`,
 * `limits.maxApiKeys` or a purge's `apiKeys` count are facts the trail must keep.
 */
export const SECRET_FIELDS: readonly string[] = [
  'password',
  'ownerPassword',
  'newPassword',
  'oneTimePassword',
  'currentPassword',
  'passwordHash',
  'token',
  'tokenHash',
  'verificationToken',
  'key',
  'apiKey',
  'keyHash',
  'secret',
  'totpSecret',
  'totp',
  'otpauthUri',
  'recoveryCodes',
  'signingSecret',
  'privateKey',
];

const SECRET_NAMES = new Set(SECRET_FIELDS.map((name) => name.toLowerCase()));

export function isSecretField(key: string): boolean {
  return SECRET_NAMES.has((key.split('.').pop() ?? key).toLowerCase());
}

/** Replaces every value under a secret field with "[redacted]", at any depth. */
export function redactSecrets(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, isSecretField(key) ? '[redacted]' : redactValue(inner)]));
}

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') return redactSecrets(value as Record<string, unknown>);
  return value;
}
