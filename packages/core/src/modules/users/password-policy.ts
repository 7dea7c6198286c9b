export interface PasswordPolicy {
  minLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
  /** How many earlier passwords a new one must differ from (0: only the current one). */
  history: number;
}

export const PASSWORD_MAX_LENGTH = 128;

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 12,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: false,
  history: 0,
};

export const PASSWORD_HISTORY_MAX = 24;

/** Lists what a password lacks under a policy; empty when it passes. */
export function passwordProblems(policy: PasswordPolicy, password: string): string[] {
  const problems: string[] = [];
  if (password.length < policy.minLength) problems.push(`at least ${policy.minLength} characters`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`at most ${PASSWORD_MAX_LENGTH} characters`);
  if (policy.requireUppercase && !/\p{Lu}/u.test(password)) problems.push('an uppercase letter');
  if (policy.requireLowercase && !/\p{Ll}/u.test(password)) problems.push('a lowercase letter');
  if (policy.requireNumbers && !/\p{N}/u.test(password)) problems.push('a digit');
  if (policy.requireSymbols && !/[^\p{L}\p{N}]/u.test(password)) problems.push('a symbol');
  // eslint-disable-next-line no-control-regex -- control characters cannot be typed at a login form
  if (/[\u0000-\u001f\u007f]/.test(password)) problems.push('no control characters');
  return problems;
}

export function describePasswordProblems(problems: string[]): string {
  return `must have ${problems.join(', ')}`;
}
