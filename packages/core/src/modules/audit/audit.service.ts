import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import { recordLifecycleEvent } from '../events/record-events.ts';
import type { AuditEntry } from './audit-entry.ts';
import { AuditEvent } from './audit-event.entity.ts';
import { redactSecrets } from './redact.ts';

export type { AuditEntry } from './audit-entry.ts';

/**
 * Adds an audit event, and the lifecycle event derived from it (`events/event-catalog.ts`), to the unit
 * of work of `em`: both commit with the change they describe, or neither does.
 */
export function recordAudit(ctx: ServiceContext, em: SqlEntityManager, entry: AuditEntry): AuditEvent {
  const event = em.create(AuditEvent, auditEventData(ctx, entry));
  recordLifecycleEvent(ctx, em, entry);
  return event;
}

/** The columns of the audit event for an entry, secrets redacted (for callers that write it as SQL, with `lifecycleEventData`). */
export function auditEventData(ctx: ServiceContext, entry: AuditEntry) {
  return {
    occurredAt: ctx.now(),
    correlationId: ctx.correlationId,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id ?? null,
    actorLabel: ctx.actor.label,
    face: ctx.face ?? 'sdk',
    action: entry.action,
    tenantId: entry.tenant?.id ?? null,
    tenantSlug: entry.tenant?.slug ?? null,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    before: entry.before ? redactSecrets(entry.before) : null,
    after: entry.after ? redactSecrets(entry.after) : null,
  };
}
