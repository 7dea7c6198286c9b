import { resetUserPassword, type PlanStep, type ResetPasswordInput } from '@tenantry/core';
import type { ClientRuntime } from '../runtime.ts';
import type { OperationOptions } from '../operation-options.ts';

export interface PasswordResetDto {
  result: 'planned' | 'applied';
  user: { id: string; email: string };
  steps: PlanStep[];
  /** Applied only: the new one-time password, shown once; it must be changed at first sign-in. */
  oneTimePassword?: string;
}

/** Users across tenants (a user is global: one email, possibly several tenants). */
export class Users {
  readonly #runtime: ClientRuntime;

  constructor(runtime: ClientRuntime) {
    this.#runtime = runtime;
  }

  /** Issues a new one-time password (platform operator only; audited as user.password_reset). */
  async resetPassword(input: ResetPasswordInput, options: OperationOptions = {}): Promise<PasswordResetDto> {
    return this.#runtime.run((ctx) => resetUserPassword(ctx, input, options));
  }
}
