import { z } from 'zod';
import type { ServiceContext } from '../../context.ts';
import { TenantryError } from '../../errors.ts';
import { boundedInteger } from '../../validation/fields.ts';
import { parseInput } from '../../validation/parse-input.ts';
import type { ActorType } from '../audit/audit-event.entity.ts';
import { isPlatformActor } from '../permissions/authorize.ts';
import { inTenantScope } from '../permissions/tenant-scope.ts';
import { EVENT_TYPE_LIST_MESSAGE, eventTypesMatching, isEventTypeList, type EventType } from './event-catalog.ts';
import type { EventData } from './lifecycle-event.entity.ts';

const eventCursor = z
  .union([
    z
      .string()
      .trim()
      .regex(/^\d{1,18}$/, 'must be the id of an event (the cursor), such as 1042'),
    z.number().int().nonnegative(),
  ])
  .transform(String);

export const listEventsInput = z.strictObject({
  type: z.string().trim().refine(isEventTypeList, EVENT_TYPE_LIST_MESSAGE).optional(),
  tenant: z.string().trim().min(1).optional(),
  since: eventCursor.optional(),
  before: eventCursor.optional(),
  order: z.enum(['oldest', 'newest']).default('oldest'),
  limit: boundedInteger(1, 500).default(100),
});
export type ListEventsInput = z.input<typeof listEventsInput>;

export const EVENT_COLUMNS =
  'events.id::text as id, events.event_id, events.type, events.occurred_at, events.tenant_id, events.tenant_slug, events.actor_type, events.actor_id, events.actor_label, events.correlation_id, events.data';

export interface EventView {
  /** The cursor: ascending in commit order. */
  id: string;
  /** The stable public id of the event (a UUIDv7): the idempotency key of a delivery. */
  eventId: string;
  type: EventType;
  occurredAt: Date;
  /** Null for events outside any tenant (the shared schema's migrations). */
  tenant: { id: string; slug: string } | null;
  actor: { type: ActorType; id: string | null; label: string };
  correlationId: string;
  data: EventData;
}

export interface EventPage {
  events: EventView[];
  /** Pass as `since` for the next page (as `before` when newest first); null when this page is the last (so far). */
  nextCursor: string | null;
}

/**
 * Lifecycle events after the cursor `since` (and before the cursor `before`), oldest first (id order);
 * with `order: 'newest'`, the most recent first, paged back by passing `nextCursor` as `before`. The
 * platform reads every event; a tenant's members whose roles allow `audit.list` read that tenant's, and
 * must name it. A purged tenant's events stay readable.
 */
export async function listEvents(ctx: ServiceContext, input: unknown = {}): Promise<EventPage> {
  const filter = parseInput(listEventsInput, input);
  const types = filter.type === undefined ? null : eventTypesMatching(filter.type, 'type');
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter.tenant !== undefined) {
    const tenantId = await inTenantScope(ctx, filter.tenant, 'audit.list', async ({ tenant }) => tenant.id);
    conditions.push('tenant_id = ?');
    params.push(tenantId);
  } else if (!isPlatformActor(ctx.actor)) {
    throw TenantryError.forbidden('audit.list', `${ctx.actor.label} may read only the events of a tenant: name it (tenant)`);
  }
  if (types !== null) {
    conditions.push('type in (?)');
    params.push(types);
  }
  if (filter.since !== undefined) {
    conditions.push('events.id > ?');
    params.push(filter.since);
  }
  if (filter.before !== undefined) {
    conditions.push('events.id < ?');
    params.push(filter.before);
  }
  const where = conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
  // One past the limit tells whether another page follows.
  const rows = await ctx.em.fork().execute<EventRow[]>(
    `select ${EVENT_COLUMNS}
       from tenantry.events ${where}
      order by events.id ${filter.order === 'newest' ? 'desc' : 'asc'}
      limit ?`,
    [...params, filter.limit + 1],
  );
  const events = rows.slice(0, filter.limit).map(toEventView);
  return { events, nextCursor: rows.length > filter.limit ? (events.at(-1)?.id ?? null) : null };
}

export interface EventRow {
  id: string;
  event_id: string;
  type: EventType;
  occurred_at: Date | string;
  tenant_id: string | null;
  tenant_slug: string | null;
  actor_type: ActorType;
  actor_id: string | null;
  actor_label: string;
  correlation_id: string;
  data: EventData | string;
}

/** An event row (the columns of `EVENT_COLUMNS`) as the API shows it. */
export function toEventView(row: EventRow): EventView {
  return {
    id: row.id,
    eventId: row.event_id,
    type: row.type,
    occurredAt: new Date(row.occurred_at),
    tenant: row.tenant_id === null ? null : { id: row.tenant_id, slug: row.tenant_slug ?? '' },
    actor: { type: row.actor_type, id: row.actor_id, label: row.actor_label },
    correlationId: row.correlation_id,
    data: typeof row.data === 'string' ? (JSON.parse(row.data) as EventData) : row.data,
  };
}
