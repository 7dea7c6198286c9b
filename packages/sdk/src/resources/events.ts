import { EVENT_CATALOG, listEvents, type ListEventsInput } from '@tenantry/core';
import { toEventPageDto, type EventPageDto } from '../dto/events.ts';
import type { ClientRuntime } from '../runtime.ts';

/**
 * Lifecycle events: what happened to tenants (`tenant.created`, `member.added`, `api_key.revoked`, ...),
 * recorded in the transaction of each applied change, read in order with a cursor. Every type: docs/events.md.
 *
 * @example
 * ```ts
 * let since: string | undefined;
 * for (;;) {
 *   const page = await tenantry.events.list({ type: 'tenant.*', ...(since ? { since } : {}) });
 *   for (const event of page.events) console.log(event.id, event.type, event.tenant?.slug);
 *   since = page.events.at(-1)?.id ?? since;
 *   if (page.nextCursor === null) break;
 * }
 * ```
 */
export class Events {
  readonly #runtime: ClientRuntime;

  constructor(runtime: ClientRuntime) {
    this.#runtime = runtime;
  }

  /**
   * Events after the cursor `since` (an event's `id`), oldest first, filtered by `type` (a type, a glob
   * such as `tenant.*`, or a comma list of both) and `tenant` (a slug); `limit` 1-500, default 100.
   * `nextCursor` is the `since` of the next page, null on the last page so far: a poller keeps the last
   * event's `id` and asks again. `order: 'newest'` gives the most recent events first (a tenant's latest
   * `limit`), and `nextCursor` is then the `before` of the next, older page; `before` also bounds an
   * oldest-first read. The platform reads every event; a tenant user names a tenant whose audit their
   * roles may read (`audit.list`).
   *
   * @throws {@link TenantryError} `INVALID_INPUT`, `TENANT_NOT_FOUND`, `FORBIDDEN`; and, like every method, a database code (see `TenantryClient`)
   */
  async list(filter: ListEventsInput = {}): Promise<EventPageDto> {
    return this.#runtime.run(async (ctx) => toEventPageDto(await listEvents(ctx, filter)));
  }
}

/** Every event type with its description and the audit actions it is recorded from (for docs and tools). */
export function eventCatalog(): { type: string; description: string; from: string[] }[] {
  return EVENT_CATALOG.map((spec) => ({ type: spec.type, description: spec.description, from: [...spec.from] }));
}
