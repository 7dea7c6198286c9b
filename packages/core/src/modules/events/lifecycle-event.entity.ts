import { defineEntity, p } from '@mikro-orm/core';
import { CONTROL_PLANE_SCHEMA } from '../../db/base-properties.ts';
import { ACTOR_TYPES } from '../audit/audit-event.entity.ts';

/** The JSON body of an event: what changed, secrets redacted. */
export interface EventData {
  /** The audit action the event was derived from (`tenant.settings_changed` for a `tenant.updated`). */
  auditAction: string;
  target: { type: string; id: string | null };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * A lifecycle event (table `tenantry.events`, migration 0011): written in the transaction of the change
 * it describes, derived from its audit entry. `id`, assigned by the database in commit order within a
 * transaction, is the cursor; `eventId` the stable public id (a delivery's idempotency key).
 */
const LifecycleEventSchema = defineEntity({
  name: 'LifecycleEvent',
  tableName: 'events',
  schema: CONTROL_PLANE_SCHEMA,
  properties: {
    id: p.bigint().primary().autoincrement(),
    eventId: p.uuid().unique(),
    type: p.string(),
    occurredAt: p.datetime(),
    tenantId: p.uuid().nullable(),
    tenantSlug: p.string().nullable(),
    actorType: p.enum(ACTOR_TYPES),
    actorId: p.string().nullable(),
    actorLabel: p.string(),
    correlationId: p.uuid(),
    data: p.json<EventData>(),
  },
});

export class LifecycleEvent extends LifecycleEventSchema.class {}
LifecycleEventSchema.setClass(LifecycleEvent);
