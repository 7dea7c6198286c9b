import { TenantryError } from '../../errors.ts';

/**
 * How failed sign-ins are answered, per account (a user is one account across tenants): the first
 * failures in a row cost nothing, then each attempt waits twice as long as the one before (up to a
 * minute), and at `lockAfter` the account is locked for `lockMinutes` or until an operator unlocks it.
 */
export const SIGN_IN_GUARD = { throttleAfter: 5, lockAfter: 10, lockMinutes: 30, maxDelaySeconds: 60 } as const;

export interface SignInState {
  email: string;
  failedSignIns: number;
  lastFailedSignInAt?: Date | null;
  lockedUntil?: Date | null;
}

/** The seconds before the next attempt is heard, 0 when it may be made now. */
export function secondsUntilNextAttempt(state: SignInState, now: Date): number {
  const over = state.failedSignIns - SIGN_IN_GUARD.throttleAfter;
  if (over < 0 || !state.lastFailedSignInAt) return 0;
  const delay = Math.min(2 ** over, SIGN_IN_GUARD.maxDelaySeconds) * 1000;
  const remaining = state.lastFailedSignInAt.getTime() + delay - now.getTime();
  return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
}

export function isLocked(state: SignInState, now: Date): boolean {
  return state.lockedUntil != null && state.lockedUntil.getTime() > now.getTime();
}

/** Refuses an attempt on a locked or throttled account before its password is even checked. */
export function refuseGuardedAttempt(state: SignInState, now: Date): void {
  if (isLocked(state, now)) {
    throw new TenantryError('ACCOUNT_LOCKED', {
      message: `The account ${state.email} is locked after ${SIGN_IN_GUARD.lockAfter} failed sign-ins in a row, until ${state.lockedUntil?.toISOString()}.`,
      details: { email: state.email, lockedUntil: state.lockedUntil?.toISOString() ?? null },
      hint: `Wait until then, or ask the platform operator: tenantry user unlock ${state.email}.`,
    });
  }
  const wait = secondsUntilNextAttempt(state, now);
  if (wait > 0) {
    throw new TenantryError('SIGN_IN_THROTTLED', {
      message: `Too many failed sign-ins in a row for ${state.email}; try again in ${wait} s.`,
      details: { email: state.email, retryAfterSeconds: wait, failedSignIns: state.failedSignIns },
      hint: `After ${SIGN_IN_GUARD.lockAfter} failures in a row the account is locked for ${SIGN_IN_GUARD.lockMinutes} minutes.`,
    });
  }
}

/** The state after one more failure: counted, and locked (the count starting again) when it reaches `lockAfter`. */
export function afterFailure(state: SignInState, now: Date): { failedSignIns: number; lastFailedSignInAt: Date; lockedUntil: Date | null; locked: boolean } {
  const failedSignIns = state.failedSignIns + 1;
  if (failedSignIns < SIGN_IN_GUARD.lockAfter) return { failedSignIns, lastFailedSignInAt: now, lockedUntil: state.lockedUntil ?? null, locked: false };
  return { failedSignIns: 0, lastFailedSignInAt: now, lockedUntil: new Date(now.getTime() + SIGN_IN_GUARD.lockMinutes * 60_000), locked: true };
}

/** One answer for a wrong tenant, email, password or code, so a caller cannot tell which. */
export function signInFailed(factor: 'password' | 'totp' = 'password'): TenantryError {
  return new TenantryError('SIGN_IN_FAILED', {
    message: 'The email, password or code is not right for this tenant.',
    // Which factor failed, for counting it; the same message either way.
    details: { factor },
    hint: 'Check them; repeated failures throttle, then lock the account.',
  });
}
