import { LockMode } from '@mikro-orm/core';
import { z } from 'zod';
import type { ServiceContext } from '../../context.ts';
import { TenantryError } from '../../errors.ts';
import { requirePlatform } from '../permissions/authorize.ts';
import type { PlanStep } from '../../plan.ts';
import { emailAddress } from '../../validation/fields.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { generateOneTimePassword, hashPassword } from './password.ts';
import { User } from './user.entity.ts';

export const resetPasswordInput = z.strictObject({ email: emailAddress });
export type ResetPasswordInput = z.input<typeof resetPasswordInput>;

export interface PasswordResetOutcome {
  result: 'planned' | 'applied';
  user: { id: string; email: string };
  steps: PlanStep[];
  /** Applied only: the new one-time password, shown once, never stored or audited in clear. */
  oneTimePassword?: string;
}

/**
 * Issues a new one-time password for a user (an owner whose first one was lost with an interrupted
 * bulk run, a user locked out): the old password stops working, the new one must be changed at
 * first sign-in. Platform operator only; audited as `user.password_reset`, without the password.
 */
export async function resetUserPassword(ctx: ServiceContext, input: ResetPasswordInput, options: { dryRun?: boolean } = {}): Promise<PasswordResetOutcome> {
  requirePlatform(ctx, 'user.reset_password');
  const { email } = parseInput(resetPasswordInput, input);
  const found = await ctx.em.fork().findOne(User, { email }, { fields: ['id', 'email'] });
  if (!found) {
    throw new TenantryError('USER_NOT_FOUND', {
      message: `No user with email ${email}.`,
      details: { email },
      hint: 'Check the address; `tenantry member list <slug>` lists the users of a tenant.',
    });
  }
  const user = { id: found.id, email: found.email };
  const steps: PlanStep[] = [
    { action: 'reset-password', description: `Replace the password of ${email} with a new one-time password, shown once; it must be changed at first sign-in` },
    { action: 'audit', description: 'Record user.password_reset in the audit trail (without the password)' },
  ];
  if (options.dryRun) return { result: 'planned', user, steps };
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await ctx.em.fork().transactional(async (tx) => {
    const row = await tx.findOneOrFail(User, { id: user.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const before = { mustChangePassword: row.mustChangePassword };
    row.passwordHash = passwordHash;
    row.mustChangePassword = true;
    recordAudit(ctx, tx, { action: 'user.password_reset', targetType: 'user', targetId: user.id, before, after: { email, mustChangePassword: true } });
  });
  return { result: 'applied', user, steps, oneTimePassword };
}
