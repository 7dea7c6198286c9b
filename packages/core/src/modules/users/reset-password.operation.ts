import { LockMode } from '@mikro-orm/core';
import { z } from 'zod';
import { hashOf } from '../../lib/canonical-json.ts';
import { defineOperation } from '../../operations/operation.ts';
import { emailAddress } from '../../validation/fields.ts';
import { rememberReplacedPassword } from './password-history.ts';
import { generateOneTimePassword, hashPassword } from './password.ts';
import { userNotFound } from './user-errors.ts';
import { User } from './user.entity.ts';

export const resetPasswordInput = z.strictObject({ email: emailAddress });
export type ResetPasswordInput = z.input<typeof resetPasswordInput>;

export interface PasswordReset {
  user: { id: string; email: string };
  /** The new one-time password, shown once; stored only as its hash, never audited or fingerprinted. */
  oneTimePassword: string;
}

/**
 * Issues a new one-time password for a user (an owner whose first one was lost with an interrupted
 * bulk run, a user locked out): the old password stops working, the new one must be changed at
 * first sign-in. The password is made while applying, so no plan, fingerprint or audit event holds it.
 */
export const resetPassword = defineOperation({
  id: 'user.reset_password',
  summary: 'Issues a new one-time password for a user, shown once; it must be changed at first sign-in.',
  scope: 'platform',
  input: resetPasswordInput,
  audit: ['user.password_reset'],
  async plan({ tx }, { email }) {
    const found = await tx.findOne(User, { email }, { fields: ['id', 'email', 'mustChangePassword', 'passwordHash'] });
    if (!found) throw userNotFound(email);
    const user = { id: found.id, email: found.email };
    return {
      steps: [
        {
          action: 'reset-password',
          description: `Replace the password of ${email} with a new one-time password, shown once; it must be changed at first sign-in`,
        },
        { action: 'audit', description: 'Record user.password_reset in the audit trail (without the password)' },
      ],
      changes: [{ field: 'mustChangePassword', from: found.mustChangePassword, to: true }],
      // A reset by someone else since the plan was shown changes the stored hash: the plan is stale.
      basis: { user: user.id, password: hashOf(found.passwordHash ?? null) },
      audit: { targetType: 'user', targetId: user.id, before: { mustChangePassword: found.mustChangePassword }, after: { email, mustChangePassword: true } },
      data: { user },
    };
  },
  async apply({ tx, now }, plan): Promise<PasswordReset> {
    const oneTimePassword = generateOneTimePassword();
    const row = await tx.findOneOrFail(User, { id: plan.data.user.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['passwordHash'] });
    if (row.passwordHash) await rememberReplacedPassword(tx, row.id, row.passwordHash, now());
    row.passwordHash = await hashPassword(oneTimePassword);
    row.mustChangePassword = true;
    return { user: plan.data.user, oneTimePassword };
  },
});
