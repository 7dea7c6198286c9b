import { defineEntity, p } from '@mikro-orm/core';
import { CONTROL_PLANE_SCHEMA } from '../../db/base-properties.ts';

export const ACTOR_TYPES = ['operator', 'user', 'api_key', 'system'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** The face an operation came through: the SDK (programs), the CLI, the full-screen console, the HTTP API. */
export const FACES = ['sdk', 'cli', 'console', 'http'] as const;
export type Face = (typeof FACES)[number];

/**
 * Append-only: the database refuses UPDATE, DELETE and TRUNCATE on this table, and chains every event to
 * the one before it by a hash (columns `chain_seq`, `prev_hash`, `hash`, set by a trigger; see migration 0006).
 */
const AuditEventSchema = defineEntity({
  name: 'AuditEvent',
  tableName: 'audit_events',
  schema: CONTROL_PLANE_SCHEMA,
  properties: {
    id: p.bigint().primary().autoincrement(),
    occurredAt: p.datetime(),
    correlationId: p.uuid(),
    actorType: p.enum(ACTOR_TYPES),
    actorId: p.string().nullable(),
    actorLabel: p.string(),
    /** Null for events written before faces were recorded. */
    face: p.enum(FACES).nullable(),
    action: p.string(),
    tenantId: p.uuid().nullable(),
    tenantSlug: p.string().nullable(),
    targetType: p.string(),
    targetId: p.string().nullable(),
    before: p.json<Record<string, unknown>>().nullable(),
    after: p.json<Record<string, unknown>>().nullable(),
  },
});

export class AuditEvent extends AuditEventSchema.class {}
AuditEventSchema.setClass(AuditEvent);
