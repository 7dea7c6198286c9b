const SECRET_KEY = /password|secret|token|hash|apikey|api_key|private/i;

/** Replaces every value under a secret-looking key with "[redacted]", at any depth. */
export function redactSecrets(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, SECRET_KEY.test(key) ? '[redacted]' : redactValue(inner)]),
  );
}

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') return redactSecrets(value as Record<string, unknown>);
  return value;
}
