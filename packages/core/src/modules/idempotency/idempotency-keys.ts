import { createHash } from 'node:crypto';
import type { ServiceContext } from '../../context.ts';
import { TenantryError } from '../../errors.ts';
import { redactSecrets } from '../audit/redact.ts';

/** How long the first response to an Idempotency-Key is kept and replayed. */
export const IDEMPOTENCY_WINDOW_HOURS = 24;

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Whose key it is (one caller's keys never meet another's), for which call, with which body. */
export interface IdempotentCall {
  key: string;
  /** The credential that called (a token's or API key's prefix, "public:<address>"). */
  caller: string;
  /** Method and route, e.g. "POST /v1/tenants". */
  route: string;
  /** A hash of the request body (and query), so the same key with another body is refused. */
  bodyHash: string;
}

export type IdempotencyClaim = { state: 'first' } | { state: 'replay'; status: number; response: unknown };

/**
 * Claims a key for a call: the first time (or after the window) the caller runs it and completes the
 * claim; again with the same route and body, the stored response; with another route or body,
 * IDEMPOTENCY_KEY_REUSED; while the first call still runs, IDEMPOTENCY_KEY_IN_PROGRESS.
 */
export async function claimIdempotencyKey(ctx: ServiceContext, call: IdempotentCall): Promise<IdempotencyClaim> {
  if (!KEY_PATTERN.test(call.key)) {
    throw TenantryError.invalidInput([{ path: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters (a UUID is a good key)' }]);
  }
  const keyHash = hashOfKey(call);
  const now = ctx.now();
  const since = new Date(now.getTime() - IDEMPOTENCY_WINDOW_HOURS * 3_600_000);
  const em = ctx.em.fork();
  await em.execute('delete from tenantry.idempotency_keys where key_hash = ? and created_at < ?', [keyHash, since]);
  const inserted = await em.execute<{ key_hash: string }[]>(
    `insert into tenantry.idempotency_keys (key_hash, caller, route, body_hash, created_at) values (?, ?, ?, ?, ?)
     on conflict (key_hash) do nothing returning key_hash`,
    [keyHash, call.caller, call.route, call.bodyHash, now],
  );
  if (inserted.length > 0) return { state: 'first' };
  const [row] = await em.execute<{ route: string; body_hash: string; status: number | null; response: unknown }[]>(
    'select route, body_hash, status, response from tenantry.idempotency_keys where key_hash = ?',
    [keyHash],
  );
  if (!row) return claimIdempotencyKey(ctx, call);
  if (row.route !== call.route || row.body_hash !== call.bodyHash) throw keyReused(call.key, row.route);
  if (row.status === null) {
    throw new TenantryError('IDEMPOTENCY_KEY_IN_PROGRESS', {
      message: `A call with the Idempotency-Key ${call.key} is still running.`,
      hint: 'Retry when it has finished: the retry then gets its response.',
    });
  }
  return { state: 'replay', status: row.status, response: row.response };
}

/** Keeps the first call's response (its secrets redacted: they are shown once, to that call only). */
export async function completeIdempotencyKey(ctx: ServiceContext, call: IdempotentCall, status: number, response: unknown): Promise<void> {
  const kept = response !== null && typeof response === 'object' ? redactSecrets(response as Record<string, unknown>) : response;
  await ctx.em
    .fork()
    .execute('update tenantry.idempotency_keys set status = ?, response = ? where key_hash = ?', [status, JSON.stringify(kept ?? null), hashOfKey(call)]);
}

/** Forgets a claim whose call did not finish (the server was unavailable): a retry runs it again. */
export async function releaseIdempotencyKey(ctx: ServiceContext, call: IdempotentCall): Promise<void> {
  await ctx.em.fork().execute('delete from tenantry.idempotency_keys where key_hash = ? and status is null', [hashOfKey(call)]);
}

function hashOfKey(call: IdempotentCall): string {
  return createHash('sha256').update(`${call.caller}\u0000${call.key}`).digest('hex');
}

function keyReused(key: string, route: string): TenantryError {
  return new TenantryError('IDEMPOTENCY_KEY_REUSED', {
    message: `The Idempotency-Key ${key} was used with another request (${route}) in the last ${IDEMPOTENCY_WINDOW_HOURS} hours.`,
    details: { route },
    hint: 'Use a new key for each distinct request; reuse a key only to retry the very same request.',
  });
}
