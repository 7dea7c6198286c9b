import { defineOperation } from '../../operations/operation.ts';
import { accountProvedByPassword } from './credentials.ts';
import { generateRecoveryCodes, hashRecoveryCode } from './recovery-codes.ts';
import { sealTotpSecret } from './second-factor.ts';
import { countRefusedCredential } from './sign-in-failures.ts';
import { enrollTotpInput } from './sign-in.schemas.ts';
import { totpAlreadyEnrolled } from './user-errors.ts';
import { generateTotpSecret, totpUri } from './totp.ts';
import { User } from './user.entity.ts';

export interface TotpEnrollment {
  user: { id: string; email: string };
  /** Shown once: the URI the authenticator app scans (as a QR code), and its secret for typing in. */
  otpauthUri: string;
  secret: string;
  /** Shown once: each signs in once in place of a code; only their hashes are kept. */
  recoveryCodes: string[];
}

/**
 * Starts TOTP enrollment for a user who proves their password: a new secret (kept sealed) and recovery
 * codes (kept as hashes), returned once. It takes effect when the first code is confirmed
 * (`user.confirm_totp`); until then sign-in does not ask for it. Enrolling again before confirming
 * replaces the waiting secret. Made while applying, so no plan, fingerprint or audit event holds them.
 */
export const enrollTotp = defineOperation({
  id: 'user.enroll_totp',
  summary: 'Starts authenticator (TOTP) enrollment for a user who gives their password: the secret and recovery codes, shown once.',
  scope: 'credential',
  input: enrollTotpInput,
  audit: ['user.totp_enrollment_started'],
  secretFields: ['password'],
  async plan(ctx, request) {
    const user = await accountProvedByPassword(ctx, request.email, request.password);
    if (user.totpEnrolledAt) throw totpAlreadyEnrolled(user.email);
    return {
      steps: [
        {
          action: 'enroll-totp',
          description: `Make a new authenticator secret and 10 recovery codes for ${user.email}, shown once; they take effect when the first code is confirmed`,
        },
      ],
      basis: { user: user.id, enrolled: null },
      audit: { targetType: 'user', targetId: user.id, after: { email: user.email } },
      data: { user: { id: user.id, email: user.email } },
    };
  },
  async apply({ tx }, plan, request): Promise<TotpEnrollment> {
    const secret = generateTotpSecret();
    const recoveryCodes = generateRecoveryCodes();
    const user = await tx.findOneOrFail(User, { id: plan.data.user.id });
    user.totpSealedSecret = await sealTotpSecret(tx, secret);
    user.totpLastStep = null;
    user.recoveryCodeHashes = recoveryCodes.map(hashRecoveryCode);
    return { user: plan.data.user, otpauthUri: totpUri(secret, request.issuer, user.email), secret, recoveryCodes };
  },
  afterRefusal: (ctx, error, request) => countRefusedCredential(ctx, error, request.email),
});
