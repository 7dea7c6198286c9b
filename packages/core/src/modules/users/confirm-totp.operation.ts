import { LockMode } from '@mikro-orm/core';
import { TenantryError } from '../../errors.ts';
import { installationKey } from '../../db/installation-keys.ts';
import { unseal } from '../../lib/seal.ts';
import { defineOperation } from '../../operations/operation.ts';
import { callerReaches } from './caller-scope.ts';
import { confirmTotpInput } from './sign-in.schemas.ts';
import { totpAlreadyEnrolled, totpNotPending, userNotFound } from './user-errors.ts';
import { totpStepOf } from './totp.ts';
import { User } from './user.entity.ts';

/**
 * Confirms a waiting TOTP enrollment with the first code the authenticator app shows: from then on
 * sign-in asks for a code. The code is the credential (only the holder of the secret can make it).
 */
export const confirmTotp = defineOperation({
  id: 'user.confirm_totp',
  summary: "Confirms a user's authenticator enrollment with its first code; sign-in asks for a code from then on.",
  scope: 'credential',
  input: confirmTotpInput,
  audit: ['user.totp_enrolled'],
  secretFields: ['code'],
  async plan(ctx, request) {
    const { tx, now } = ctx;
    const user = await tx.findOne(User, { email: request.email }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['totpSealedSecret'] });
    if (!user || !(await callerReaches(ctx, tx, user.id))) throw userNotFound(request.email);
    if (user.totpEnrolledAt) throw totpAlreadyEnrolled(user.email);
    if (!user.totpSealedSecret) throw totpNotPending(user.email);
    const step = totpStepOf(unseal(await installationKey(tx, 'totp'), user.totpSealedSecret), request.code, now());
    if (step === null) {
      throw TenantryError.invalidInput([
        { path: 'code', message: 'is not the current code of the authenticator app (check that the clock of the phone is right)' },
      ]);
    }
    return {
      steps: [{ action: 'confirm-totp', description: `Turn on the authenticator of ${user.email}: sign-in asks for its code from now on` }],
      changes: [{ field: 'twoFactor', from: 'pending', to: 'enrolled' }],
      basis: { user: user.id, secret: user.totpSealedSecret },
      audit: { targetType: 'user', targetId: user.id, after: { email: user.email } },
      data: { user: { id: user.id, email: user.email }, step },
    };
  },
  async apply({ tx, now }, plan) {
    const user = await tx.findOneOrFail(User, { id: plan.data.user.id });
    user.totpEnrolledAt = now();
    user.totpLastStep = plan.data.step;
    return { user: plan.data.user, enrolledAt: user.totpEnrolledAt };
  },
});
