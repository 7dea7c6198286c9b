import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../users/password-policy.ts';

export interface SecurityPolicy {
  require2fa: boolean;
  sessionTimeoutMinutes: number;
  password: PasswordPolicy;
  /** CIDR ranges allowed to sign in; empty means any address. */
  allowedIpRanges: string[];
}

export function defaultSecurityPolicy(): SecurityPolicy {
  return { require2fa: false, sessionTimeoutMinutes: 480, password: { ...DEFAULT_PASSWORD_POLICY }, allowedIpRanges: [] };
}
