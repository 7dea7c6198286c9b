import { LockMode } from '@mikro-orm/core';
import { defineOperation } from '../../operations/operation.ts';
import { isLocked } from './sign-in-guard.ts';
import { userEmailInput } from './sign-in.schemas.ts';
import { userNotFound } from './user-errors.ts';
import { User } from './user.entity.ts';

/** Lifts the lock (and the throttling) repeated failed sign-ins put on an account. */
export const unlockUser = defineOperation({
  id: 'user.unlock',
  summary: 'Unlocks an account locked or throttled by failed sign-ins.',
  scope: 'platform',
  input: userEmailInput,
  audit: ['user.unlocked'],
  async plan({ tx, now }, { email }) {
    const user = await tx.findOne(User, { email }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!user) throw userNotFound(email);
    const locked = isLocked(user, now());
    const data = { user: { id: user.id, email: user.email } };
    if (!locked && user.failedSignIns === 0) return { unchanged: true, steps: [], data };
    return {
      steps: [
        {
          action: 'unlock-user',
          description: locked
            ? `Unlock ${user.email} (locked until ${user.lockedUntil?.toISOString()}) and reset its failed sign-ins`
            : `Reset the ${user.failedSignIns} failed sign-ins of ${user.email} (no more waiting between attempts)`,
        },
      ],
      changes: [
        ...(locked ? [{ field: 'locked', from: true, to: false }] : []),
        ...(user.failedSignIns > 0 ? [{ field: 'failedSignIns', from: user.failedSignIns, to: 0 }] : []),
      ],
      basis: { user: user.id, failed: user.failedSignIns, lockedUntil: user.lockedUntil?.toISOString() ?? null },
      audit: {
        targetType: 'user',
        targetId: user.id,
        before: { failedSignIns: user.failedSignIns, lockedUntil: user.lockedUntil?.toISOString() ?? null },
        after: { email: user.email },
      },
      data,
    };
  },
  async apply({ tx }, plan) {
    const user = await tx.findOneOrFail(User, { id: plan.data.user.id });
    user.failedSignIns = 0;
    user.lockedUntil = null;
    return plan.data;
  },
});
