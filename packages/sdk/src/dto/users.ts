import type { Role, SignInResult, SignInStateView, TenantStatus, TwoFactorState, UserView } from '@tenantry/core';
import type { ChangeDto } from './change.ts';

/** A sign-in the credentials passed: start a session when `required` is empty (see `SignInResult`). Dates are ISO strings. */
export interface SignInDto extends Omit<SignInResult, 'previousSignInAt'> {
  previousSignInAt: string | null;
}

export interface SignInStateDto {
  lastSignInAt: string | null;
  failedSignIns: number;
  lastFailedSignInAt: string | null;
  /** Set while the account is locked. */
  lockedUntil: string | null;
  mustChangePassword: boolean;
  passwordChangedAt: string | null;
  twoFactor: TwoFactorState;
  recoveryCodesLeft: number | null;
}

export interface UserDto extends SignInStateDto {
  id: string;
  email: string;
  name: string | null;
  createdAt: string;
  tenants: { slug: string; name: string; status: TenantStatus; roles: Role[] }[];
}

export interface UserChangeDto extends ChangeDto {
  user: { id: string; email: string };
}

/** An enrollment: applied only, the secret, its otpauth:// URI and the recovery codes, each shown once. */
export interface TotpEnrollmentDto extends UserChangeDto {
  otpauthUri?: string;
  secret?: string;
  recoveryCodes?: string[];
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toSignInDto(result: SignInResult): SignInDto {
  return { ...result, previousSignInAt: iso(result.previousSignInAt) };
}

export function toSignInStateDto(state: SignInStateView): SignInStateDto {
  return {
    ...state,
    lastSignInAt: iso(state.lastSignInAt),
    lastFailedSignInAt: iso(state.lastFailedSignInAt),
    lockedUntil: iso(state.lockedUntil),
    passwordChangedAt: iso(state.passwordChangedAt),
  };
}

export function toUserDto(view: UserView): UserDto {
  return { ...view, ...toSignInStateDto(view), createdAt: view.createdAt.toISOString(), tenants: view.tenants };
}
