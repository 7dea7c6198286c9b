import { resetPassword, type ResetPasswordInput } from '@tenantry/core';
import { toChangeDto, type ChangeDto } from '../dto/change.ts';
import type { ClientRuntime } from '../runtime.ts';
import type { OperationOptions } from '../operation-options.ts';

/** A password reset: the plan, the user, and (applied only) the new one-time password. */
export interface PasswordResetDto extends ChangeDto {
  user: { id: string; email: string };
  /** Applied only: the new one-time password, shown once; it must be changed at first sign-in. */
  oneTimePassword?: string;
}

/** Users across tenants (a user is global: one email, possibly several tenants). */
export class Users {
  readonly #runtime: ClientRuntime;

  constructor(runtime: ClientRuntime) {
    this.#runtime = runtime;
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
