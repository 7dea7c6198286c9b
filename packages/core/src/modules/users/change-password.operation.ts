import { TenantryError } from '../../errors.ts';
import { hashOf } from '../../lib/canonical-json.ts';
import { defineOperation } from '../../operations/operation.ts';
import { accountProvedByPassword } from './credentials.ts';
import { acceptSecondFactor } from './second-factor.ts';
import { rememberReplacedPassword, previousPasswordHashes } from './password-history.ts';
import { describePasswordProblems, passwordProblems } from './password-policy.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { countRefusedCredential } from './sign-in-failures.ts';
import { signInFailed } from './sign-in-guard.ts';
import { changePasswordInput } from './sign-in.schemas.ts';
import { passwordPolicyOfUser } from './user-policies.ts';
import { User } from './user.entity.ts';

/**
 * A user changes their own password, proving the current one (the credential: no actor permission is
 * needed). The new one must meet the strictest policy of the user's tenants and differ from the current
 * password and the `password.history` before it; changing it clears "must change at first sign-in". A
 * wrong current password counts toward the account's lock like a failed sign-in.
 */
export const changePassword = defineOperation({
  id: 'user.change_password',
  summary: "Changes a user's password, given the current one, under the tenants' password policy and history.",
  scope: 'credential',
  input: changePasswordInput,
  audit: ['user.password_changed'],
  secretFields: ['currentPassword', 'newPassword', 'totp'],
  async plan(ctx, request) {
    const { tx, now } = ctx;
    const user = await accountProvedByPassword(ctx, request.email, request.currentPassword, ['totpSealedSecret', 'recoveryCodeHashes']);
    // An account with an authenticator proves both factors to change its password, as to sign in.
    if (user.totpEnrolledAt) {
      if (request.totp === undefined)
        throw TenantryError.invalidInput([{ path: 'totp', message: 'is required: this account has an authenticator (its code or a recovery code)' }]);
      if (!(await acceptSecondFactor(tx, user, request.totp, now()))) throw signInFailed('totp');
    }
    const { policy, tenants } = await passwordPolicyOfUser(tx, user.id);
    const whose = tenants.length > 0 ? ` (the password policy of ${tenants.join(', ')})` : '';
    const problems = passwordProblems(policy, request.newPassword);
    if (problems.length > 0) throw TenantryError.invalidInput([{ path: 'newPassword', message: `${describePasswordProblems(problems)}${whose}` }]);
    const earlier = [user.passwordHash ?? '', ...(await previousPasswordHashes(tx, user.id, policy.history))];
    for (const hash of earlier) {
      if (hash && (await verifyPassword(request.newPassword, hash))) {
        const rule = policy.history > 0 ? `the current password or one of the ${policy.history} before it${whose}` : 'the current password';
        throw TenantryError.invalidInput([{ path: 'newPassword', message: `must not be ${rule}` }]);
      }
    }
    return {
      steps: [
        { action: 'change-password', description: `Replace the password of ${user.email} (it meets the policy; the old one joins its history)` },
        ...(user.mustChangePassword ? [{ action: 'clear-must-change', description: 'Clear "must change the password at first sign-in"' }] : []),
      ],
      changes: user.mustChangePassword ? [{ field: 'mustChangePassword', from: true, to: false }] : [],
      basis: { user: user.id, password: hashOf(user.passwordHash ?? null) },
      audit: { targetType: 'user', targetId: user.id, after: { email: user.email, mustChangePassword: false } },
      data: { user: { id: user.id, email: user.email } },
    };
  },
  async apply({ tx, now }, plan, request) {
    const at = now();
    const user = await tx.findOneOrFail(User, { id: plan.data.user.id }, { populate: ['passwordHash'] });
    if (user.passwordHash) await rememberReplacedPassword(tx, user.id, user.passwordHash, at);
    user.passwordHash = await hashPassword(request.newPassword);
    user.mustChangePassword = false;
    user.passwordChangedAt = at;
    return { user: plan.data.user, passwordChangedAt: at };
  },
  afterRefusal: (ctx, error, request) => countRefusedCredential(ctx, error, request.email),
});
