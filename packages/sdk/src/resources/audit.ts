import { listAuditEvents, verifyAuditChain, type AuditChainReport, type ListAuditInput } from '@tenantry/core';
import { toAuditEventDto, type AuditEventDto } from '../dto/audit.ts';
import type { ClientRuntime } from '../runtime.ts';

/**
 * The append-only audit trail.
 *
 * @example
 * ```ts
 * const events = await tenantry.audit.list({ tenant: 'acme-corp', limit: 20 });
 * for (const event of events) console.log(event.occurredAt, event.action);
 * ```
 */
export class Audit {
  readonly #runtime: ClientRuntime;

  constructor(runtime: ClientRuntime) {
    this.#runtime = runtime;
  }

  /**
   * Events newest first, filtered by tenant slug, action (`invitation.sent` or a prefix `invitation.*`),
   * time (`since`/`until`: ISO 8601 or a duration ago such as `24h`), correlation id; `limit` 1-10000, default 50.
   *
   * @throws {@link TenantryError} `INVALID_INPUT`, `TENANT_NOT_FOUND`, `FORBIDDEN`; and, like every method, a database code (see `TenantryClient`)
   */
  async list(filter: ListAuditInput = {}): Promise<AuditEventDto[]> {
    return this.#runtime.run(async (ctx) => (await listAuditEvents(ctx, filter)).map(toAuditEventDto));
  }

  /**
   * Recomputes the hash chain over the whole trail and reports the first event that was edited, deleted
   * or inserted around the database's append-only triggers (`broken`), or `intact: true`. Platform operator only.
   *
   * @throws {@link TenantryError} `FORBIDDEN`; and, like every method, a database code (see `TenantryClient`)
   */
  async verify(): Promise<AuditChainReport> {
    return this.#runtime.run((ctx) => verifyAuditChain(ctx));
  }
}
