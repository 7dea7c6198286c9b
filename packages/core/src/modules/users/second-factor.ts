import type { SqlEntityManager } from '@mikro-orm/sql';
import { installationKey } from '../../db/installation-keys.ts';
import { seal, unseal } from '../../lib/seal.ts';
import { hashRecoveryCode, looksLikeRecoveryCode } from './recovery-codes.ts';
import { totpStepOf } from './totp.ts';
import type { User } from './user.entity.ts';

export async function sealTotpSecret(em: SqlEntityManager, secret: string): Promise<string> {
  return seal(await installationKey(em, 'totp'), secret);
}

/**
 * Checks a second factor of a user whose secret and recovery codes are loaded: a TOTP code of a step
 * after the last one accepted, or an unused recovery code (then used up). Marks what it accepted on the
 * entity; the caller's transaction writes it.
 */
export async function acceptSecondFactor(em: SqlEntityManager, user: User, code: string, now: Date): Promise<'totp' | 'recovery_code' | null> {
  if (looksLikeRecoveryCode(code)) {
    const hash = hashRecoveryCode(code);
    const left = user.recoveryCodeHashes.filter((stored) => stored !== hash);
    if (left.length === user.recoveryCodeHashes.length) return null;
    user.recoveryCodeHashes = left;
    return 'recovery_code';
  }
  if (!user.totpSealedSecret) return null;
  const step = totpStepOf(unseal(await installationKey(em, 'totp'), user.totpSealedSecret), code, now);
  if (step === null || (user.totpLastStep != null && step <= user.totpLastStep)) return null;
  user.totpLastStep = step;
  return 'totp';
}
