import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import { AuditEvent } from './audit-event.entity.ts';
import { redactSecrets } from './redact.ts';

export interface AuditEntry {
  action: string;
  tenant?: { id: string; slug: string };
  targetType: string;
  targetId?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** Adds an audit event to the unit of work of `em`; it commits with the change it describes. */
export function recordAudit(ctx: ServiceContext, em: SqlEntityManager, entry: AuditEntry): AuditEvent {
  return em.create(AuditEvent, auditEventData(ctx, entry));
}

/** The columns of the audit event for an entry, secrets redacted (for callers that write it as SQL). */
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
