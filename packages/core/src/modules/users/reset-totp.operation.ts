import { LockMode } from '@mikro-orm/core';
import { defineOperation } from '../../operations/operation.ts';
import { userEmailInput } from './sign-in.schemas.ts';
import { userNotFound } from './user-errors.ts';
import { User } from './user.entity.ts';

/** Removes a user's authenticator and recovery codes (a lost phone): they enroll again at next sign-in. */
export const resetTotp = defineOperation({
  id: 'user.reset_totp',
  summary: "Removes a user's authenticator and recovery codes (a lost phone); a tenant requiring 2FA asks them to enroll again.",
  scope: 'platform',
  input: userEmailInput,
  audit: ['user.totp_reset'],
  async plan({ tx }, { email }) {
    const user = await tx.findOne(User, { email }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['totpSealedSecret'] });
    if (!user) throw userNotFound(email);
    const data = { user: { id: user.id, email: user.email } };
    const state = user.totpEnrolledAt ? 'enrolled' : user.totpSealedSecret ? 'pending' : 'none';
    if (state === 'none') return { unchanged: true, steps: [], data };
    return {
      steps: [{ action: 'reset-totp', description: `Remove the authenticator and recovery codes of ${user.email}; sign-in stops asking for a code` }],
      changes: [{ field: 'twoFactor', from: state, to: 'none' }],
      basis: { user: user.id, state },
      audit: { targetType: 'user', targetId: user.id, after: { email: user.email } },
      data,
    };
  },
  async apply({ tx }, plan) {
    const user = await tx.findOneOrFail(User, { id: plan.data.user.id });
    user.totpSealedSecret = null;
    user.totpEnrolledAt = null;
    user.totpLastStep = null;
    user.recoveryCodeHashes = [];
    return plan.data;
  },
});
