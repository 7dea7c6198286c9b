import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, type IdempotencyClaim, type IdempotentCall } from '@tenantry/core';
import type { ClientRuntime } from '../runtime.ts';

/**
 * Idempotency keys for a server in front of Tenantry (the HTTP API's `Idempotency-Key`): claim a key
 * before running a call, complete it with the response, and a retry of the same call within 24 hours
 * gets that response back instead of running again. Responses are kept with their secrets redacted.
 *
 * @example
 * ```ts
 * const call = { key: request.headers['idempotency-key'], caller: 'token:ab12cd34', route: 'POST /v1/tenants', bodyHash };
 * const claim = await tenantry.idempotency.claim(call);
 * if (claim.state === 'replay') return reply.code(claim.status).send(claim.response);
 * ```
 */
export class Idempotency {
  readonly #runtime: ClientRuntime;

  constructor(runtime: ClientRuntime) {
    this.#runtime = runtime;
  }

  /**
   * The first claim of a key answers `first`; the same call again its stored response (`replay`).
   *
   * @throws {@link TenantryError} `INVALID_INPUT` (the key), `IDEMPOTENCY_KEY_REUSED` (another route or body), `IDEMPOTENCY_KEY_IN_PROGRESS`; and, like every method, a database code (see `TenantryClient`)
   */
  claim(call: IdempotentCall): Promise<IdempotencyClaim> {
    return this.#runtime.run((ctx) => claimIdempotencyKey(ctx, call));
  }

  /**
   * Stores the response of a claimed call for its retries.
   *
   * @throws {@link TenantryError} a database code (see `TenantryClient`)
   */
  complete(call: IdempotentCall, status: number, response: unknown): Promise<void> {
    return this.#runtime.run((ctx) => completeIdempotencyKey(ctx, call, status, response));
  }

  /**
   * Drops a claim whose call did not finish, so that a retry runs it.
   *
   * @throws {@link TenantryError} a database code (see `TenantryClient`)
   */
  release(call: IdempotentCall): Promise<void> {
    return this.#runtime.run((ctx) => releaseIdempotencyKey(ctx, call));
  }
}
