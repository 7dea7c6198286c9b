import { LockMode } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import type { TenantryError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { callerReaches } from './caller-scope.ts';
import { afterFailure } from './sign-in-guard.ts';
import { User } from './user.entity.ts';

export type FailureReason = 'password' | 'totp';

/** Counts one failed credential of a user locked in `tx`, audits it without what was typed, and locks the account at the limit. */
export function recordFailedSignIn(ctx: ServiceContext, tx: SqlEntityManager, user: User, reason: FailureReason, tenant?: { id: string; slug: string }): void {
  const next = afterFailure(user, ctx.now());
  user.failedSignIns = next.failedSignIns;
  user.lastFailedSignInAt = next.lastFailedSignInAt;
  user.lockedUntil = next.lockedUntil;
  const target = { tenant, targetType: 'user', targetId: user.id };
  recordAudit(ctx, tx, { action: 'user.sign_in_failed', ...target, after: { email: user.email, reason } });
  if (next.locked)
    recordAudit(ctx, tx, { action: 'user.locked', ...target, after: { email: user.email, lockedUntil: next.lockedUntil?.toISOString() ?? null } });
}

/** `afterRefusal` of an operation that takes a password or code: its SIGN_IN_FAILED counts toward the lock. */
export async function countRefusedCredential(ctx: ServiceContext, error: TenantryError, email: string): Promise<void> {
  if (error.code === 'SIGN_IN_FAILED') await countFailedSignIn(ctx, email, error.details.factor === 'totp' ? 'totp' : 'password');
}

/**
 * The same, in a transaction of its own, for an operation whose refusal rolled its own back (a wrong
 * current password when changing it). An email without an account counts nothing: nothing to lock.
 */
export async function countFailedSignIn(ctx: ServiceContext, email: string, reason: FailureReason): Promise<void> {
  await ctx.em.fork().transactional(async (tx) => {
    const user = await tx.findOne(User, { email }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (user && (await callerReaches(ctx, tx, user.id))) recordFailedSignIn(ctx, tx, user, reason);
  });
}
