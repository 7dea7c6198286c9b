import {
  changePassword,
  confirmTotp,
  enrollTotp,
  resetPassword,
  resetTotp,
  signIn,
  unlockUser,
  viewUser,
  type ChangePasswordInput,
  type ConfirmTotpInput,
  type EnrollTotpInput,
  type ResetPasswordInput,
  type SignInInput,
  type UserEmailInput,
} from '@tenantry/core';
import { toChangeDto, type ChangeDto } from '../dto/change.ts';
import { toSignInDto, toUserDto, type SignInDto, type TotpEnrollmentDto, type UserChangeDto, type UserDto } from '../dto/users.ts';
import type { ClientRuntime } from '../runtime.ts';
import type { OperationOptions } from '../operation-options.ts';

/** A password reset: the plan, the user, and (applied only) the new one-time password. */
export interface PasswordResetDto extends ChangeDto {
  user: { id: string; email: string };
  /** Applied only: the new one-time password, shown once; it must be changed at first sign-in. */
  oneTimePassword?: string;
}

/**
 * Users across tenants (a user is global: one email, possibly several tenants), and sign-in for the
 * application's login form: Tenantry checks the password, the tenant's policy and the second factor,
 * so the application never reads Tenantry's tables or re-implements its hashing.
 *
 * @example
 * ```ts
 * const signedIn = await tenantry.users.signIn({ tenant: 'acme-corp', email, password, ip: request.ip });
 * if (signedIn.required.includes('totp')) askForCode(); // then signIn again with { totp: code }
 * else if (signedIn.required.length === 0) startSession(signedIn.user, signedIn.roles, signedIn.sessionTimeoutMinutes);
 * ```
 */
export class Users {
  readonly #runtime: ClientRuntime;

  constructor(runtime: ClientRuntime) {
    this.#runtime = runtime;
  }

  /**
   * Checks a user's credentials for a tenant. Answers the user, their roles there, the session timeout
   * and what is still `required` (a password change, the authenticator code, 2FA enrollment). Failures
   * throttle and then lock the account; every attempt is audited, never with the password.
   *
   * @throws {@link TenantryError} `SIGN_IN_FAILED` (wrong tenant, email, password or code: one answer for all), `SIGN_IN_THROTTLED`, `ACCOUNT_LOCKED`, `ADDRESS_NOT_ALLOWED`, `TENANT_SUSPENDED`, `TENANT_PENDING_DELETION`, `INVALID_INPUT`
   */
  async signIn(input: SignInInput): Promise<SignInDto> {
    return this.#runtime.run(async (ctx) => toSignInDto(await signIn(ctx, input)));
  }

  /**
   * A user changes their password, giving the current one. The new one must meet the strictest policy of
   * their tenants and differ from the last `password.history` ones; "must change at first sign-in" clears.
   *
   * @throws {@link TenantryError} `SIGN_IN_FAILED` (the current password is wrong; counts toward the lock), `ACCOUNT_LOCKED`, `SIGN_IN_THROTTLED`, `INVALID_INPUT` (`newPassword` names the rule)
   */
  async changePassword(input: ChangePasswordInput, options: OperationOptions = {}): Promise<UserChangeDto> {
    const executed = await this.#runtime.execute(changePassword, input, options);
    return { ...toChangeDto(executed), user: executed.data.user };
  }

  /**
   * Starts authenticator (TOTP) enrollment for a user who gives their password: the otpauth:// URI (show
   * it as a QR code), the secret and ten recovery codes, each shown once. It takes effect with `confirmTotp`.
   *
   * @throws {@link TenantryError} `SIGN_IN_FAILED`, `TOTP_ALREADY_ENROLLED`, `ACCOUNT_LOCKED`, `SIGN_IN_THROTTLED`
   */
  async enrollTotp(input: EnrollTotpInput, options: OperationOptions = {}): Promise<TotpEnrollmentDto> {
    const executed = await this.#runtime.execute(enrollTotp, input, options);
    const shown = executed.value ? { otpauthUri: executed.value.otpauthUri, secret: executed.value.secret, recoveryCodes: executed.value.recoveryCodes } : {};
    return { ...toChangeDto(executed), user: executed.data.user, ...shown };
  }

  /**
   * Confirms an enrollment with the first code the authenticator app shows; sign-in asks for a code from then on.
   *
   * @throws {@link TenantryError} `INVALID_INPUT` (`code` is not the current one), `TOTP_NOT_PENDING`, `TOTP_ALREADY_ENROLLED`, `USER_NOT_FOUND`
   */
  async confirmTotp(input: ConfirmTotpInput, options: OperationOptions = {}): Promise<UserChangeDto> {
    const executed = await this.#runtime.execute(confirmTotp, input, options);
    return { ...toChangeDto(executed), user: executed.data.user };
  }

  /**
   * Removes a user's authenticator and recovery codes (a lost phone). Platform operator only.
   *
   * @throws {@link TenantryError} `FORBIDDEN`, `USER_NOT_FOUND`
   */
  async resetTotp(input: UserEmailInput, options: OperationOptions = {}): Promise<UserChangeDto> {
    const executed = await this.#runtime.execute(resetTotp, input, options);
    return { ...toChangeDto(executed), user: executed.data.user };
  }

  /**
   * Unlocks an account locked or throttled by failed sign-ins. Platform operator only.
   *
   * @throws {@link TenantryError} `FORBIDDEN`, `USER_NOT_FOUND`
   */
  async unlock(input: UserEmailInput, options: OperationOptions = {}): Promise<UserChangeDto> {
    const executed = await this.#runtime.execute(unlockUser, input, options);
    return { ...toChangeDto(executed), user: executed.data.user };
  }

  /**
   * One user with their tenants, roles and sign-in state (last sign-in, failures, lock, 2FA). Platform operator only.
   *
   * @throws {@link TenantryError} `FORBIDDEN`, `USER_NOT_FOUND`
   */
  async get(input: UserEmailInput): Promise<UserDto> {
    return this.#runtime.run(async (ctx) => toUserDto(await viewUser(ctx, input)));
  }

  /**
   * Issues a new one-time password (platform operator only; audited as user.password_reset, without it).
   *
   * @throws {@link TenantryError} `FORBIDDEN`, `INVALID_INPUT`, `USER_NOT_FOUND`, `PLAN_STALE`; and, like every method, a database code (see `TenantryClient`)
   */
  async resetPassword(input: ResetPasswordInput, options: OperationOptions = {}): Promise<PasswordResetDto> {
    const executed = await this.#runtime.execute(resetPassword, input, options);
    return { ...toChangeDto(executed), user: executed.data.user, ...(executed.value ? { oneTimePassword: executed.value.oneTimePassword } : {}) };
  }
}
