import type { SqlEntityManager } from '@mikro-orm/sql';
import { TenantryError } from '../../errors.ts';
import { defineOperation } from '../../operations/operation.ts';
import { enabledEndpoints, findEndpoint, type WebhookEndpointRow } from './webhook-endpoints.ts';
import { endpointWants } from './endpoint-filter.ts';
import { replayEventInput } from './webhook.schemas.ts';

export interface ReplayedEvent {
  id: string;
  event_id: string;
  type: string;
  tenant_id: string | null;
  tenant_slug: string | null;
}

/**
 * Queues an event again for delivery (with its original `webhook-id`, so a receiver that kept it can tell):
 * to one subscription, or to every enabled one whose filter matches. It goes out behind what is already
 * queued for its tenant, by `events deliver` or a running `serve`.
 */
export const replayEvent = defineOperation({
  id: 'webhook.replay',
  summary: 'Queues a lifecycle event again for delivery to one or every matching webhook subscription.',
  scope: 'platform',
  input: replayEventInput,
  audit: ['webhook.replayed'],
  async plan({ tx }, request) {
    const event = await findEvent(tx, request.event);
    const endpoints: WebhookEndpointRow[] =
      request.endpoint === undefined
        ? (await enabledEndpoints(tx)).filter((row) => endpointWants(row, event.type, event.tenant_id))
        : [await findEndpoint(tx, request.endpoint)];
    if (endpoints.length === 0) {
      throw new TenantryError('PRECONDITION_FAILED', {
        message: `No enabled webhook subscription takes ${event.type} events${event.tenant_slug ? ` of ${event.tenant_slug}` : ''}.`,
        details: { event: event.id, type: event.type },
        hint: 'Name one with --endpoint ID (tenantry webhook list shows them).',
      });
    }
    return {
      steps: [
        ...endpoints.map((row) => ({
          action: 'queue-delivery',
          description: `Queue event ${event.id} (${event.type}${event.tenant_slug ? `, ${event.tenant_slug}` : ''}) for ${row.target}${row.status === 'disabled' ? ' (disabled: sent once it is enabled)' : ''}`,
        })),
        { action: 'audit', description: 'Record webhook.replayed in the audit trail' },
      ],
      basis: { event: event.id, endpoints: endpoints.map((row) => row.id) },
      audit: { targetType: 'event', targetId: event.event_id, after: { type: event.type, endpoints: endpoints.map((row) => row.id) } },
      data: { event, endpoints: endpoints.map((row) => row.id) },
    };
  },
  async apply(ctx, { data }) {
    for (const endpoint of data.endpoints) {
      await ctx.tx.execute(
        `insert into tenantry.webhook_deliveries (endpoint_id, event_id, ordering_key, status, next_attempt_at, created_at)
         values (?, ?, ?, 'pending', ?, ?)`,
        [endpoint, data.event.id, data.event.tenant_id ?? '', ctx.now(), ctx.now()],
      );
    }
    return { event: { id: data.event.id, eventId: data.event.event_id, type: data.event.type }, queued: data.endpoints.length };
  },
});

async function findEvent(tx: SqlEntityManager, ref: string): Promise<ReplayedEvent> {
  const byId = /^\d{1,18}$/.test(ref);
  const byUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  if (!byId && !byUuid)
    throw TenantryError.invalidInput([{ path: 'event', message: 'must be the id of an event (1042) or its UUID, as tenantry events list shows' }]);
  const [row] = await tx.execute<ReplayedEvent[]>(
    `select id::text as id, event_id, type, tenant_id, tenant_slug from tenantry.events where ${byId ? 'id = ?' : 'event_id = ?'}`,
    [byId ? ref : ref.toLowerCase()],
  );
  if (!row) {
    throw new TenantryError('EVENT_NOT_FOUND', {
      message: `No lifecycle event has the id ${ref}.`,
      details: { event: ref },
      hint: 'List events with `tenantry events list`.',
    });
  }
  return row;
}
