import type { ErrorKind } from '@tenantry/sdk';

export const EXIT_SUCCESS = 0;

/** One exit code per error kind: a new kind does not compile until it has one here. */
export const EXIT_CODES: Record<ErrorKind, number> = {
  internal: 1,
  cancelled: 2,
  invalid_input: 3,
  unauthenticated: 4,
  forbidden: 4,
  not_found: 5,
  conflict: 6,
  precondition_failed: 7,
  plan_stale: 7,
  partial_failure: 8,
  unhealthy: 9,
  unavailable: 10,
  rate_limited: 10,
};

export const EXIT_CODE_MEANINGS: Record<ErrorKind, string> = {
  internal: 'internal error (run again with --verbose for the stack)',
  cancelled: 'cancelled: Ctrl-C or a declined confirmation',
  invalid_input: 'invalid input: the message names each flag and what it accepts',
  unauthenticated: 'not authenticated: the credential is missing, unknown, revoked or expired',
  forbidden: 'forbidden: the actor lacks the permission',
  not_found: 'not found',
  conflict: 'conflict with an existing record',
  precondition_failed: 'precondition failed: the current state does not allow it',
  plan_stale: 'the plan shown is stale: the state changed since (PLAN_STALE); nothing was written',
  partial_failure: 'partial failure: some items of a batch failed (the others succeeded); the report lists each',
  unhealthy: 'unhealthy: doctor found failing checks',
  unavailable: 'unavailable: database unreachable or the embedded store is locked; safe to retry',
  rate_limited: 'rate limited: too many calls; safe to retry later',
};

/** Signals end a command as the shell expects (128 + the signal's number), after the database is closed. */
export const SIGNAL_EXIT_CODES = { SIGHUP: 129, SIGTERM: 143 } as const;

export const SIGNAL_EXIT_MEANINGS: Record<keyof typeof SIGNAL_EXIT_CODES, string> = {
  SIGHUP: 'the terminal closed (SIGHUP); the database was closed first, nothing half-written',
  SIGTERM: 'terminated (SIGTERM); the database was closed first, nothing half-written',
};

/** Every exit code after 0 with its meaning, in order: the error kinds (those sharing a code on one line), then the signals. */
export function exitCodeTable(): [number, string][] {
  const byCode = new Map<number, string[]>();
  for (const [kind, code] of Object.entries(EXIT_CODES)) byCode.set(code, [...(byCode.get(code) ?? []), EXIT_CODE_MEANINGS[kind as ErrorKind]]);
  const kinds = [...byCode].map(([code, meanings]): [number, string] => [code, meanings.join('; or ')]);
  const signals = Object.entries(SIGNAL_EXIT_CODES).map(([signal, code]): [number, string] => [
    code,
    SIGNAL_EXIT_MEANINGS[signal as keyof typeof SIGNAL_EXIT_CODES],
  ]);
  return [...kinds, ...signals].sort(([a], [b]) => a - b);
}
