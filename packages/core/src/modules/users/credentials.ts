import { LockMode } from '@mikro-orm/core';
import type { OperationContext } from '../../operations/operation.ts';
import { callerReaches } from './caller-scope.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { refuseGuardedAttempt, signInFailed } from './sign-in-guard.ts';
import { User } from './user.entity.ts';

let decoyHash: Promise<string> | undefined;

/**
 * Whether a password is the account's. Without an account (or a password) a decoy hash is checked, so
 * an unknown email costs the same time as a wrong password and a caller cannot tell them apart.
 */
export async function passwordMatches(storedHash: string | null | undefined, password: string): Promise<boolean> {
  decoyHash ??= hashPassword('decoy: no account has this password');
  const matches = await verifyPassword(password, storedHash ?? (await decoyHash));
  return storedHash != null && matches;
}

/**
 * The account of `email`, locked for the change, once its password is proved, refused as a sign-in is:
 * throttled or locked first, then SIGN_IN_FAILED for a wrong password, an unknown email or an account the
 * caller does not reach (an API key of another tenant). The operations that take a password call this.
 */
export async function accountProvedByPassword(
  ctx: OperationContext,
  email: string,
  password: string,
  populate: readonly ('totpSealedSecret' | 'recoveryCodeHashes')[] = [],
): Promise<User> {
  const found = await ctx.tx.findOne(User, { email }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['passwordHash', ...populate] });
  const user = found && (await callerReaches(ctx, ctx.tx, found.id)) ? found : null;
  if (user) refuseGuardedAttempt(user, ctx.now());
  if (!user || !(await passwordMatches(user.passwordHash, password))) throw signInFailed();
  return user;
}
