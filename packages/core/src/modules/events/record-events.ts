import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import { uuidv7 } from '../../db/ids.ts';
import type { AuditEntry } from '../audit/audit-entry.ts';
import { redactSecrets } from '../audit/redact.ts';
import { eventTypeOf } from './event-catalog.ts';
import { LifecycleEvent } from './lifecycle-event.entity.ts';

/**
 * The columns of the lifecycle event an audit entry records, or null when its action records none
 * (`NO_EVENT`). The data is the entry's target and sides, secrets redacted, as in the audit trail.
 */
export function lifecycleEventData(ctx: ServiceContext, entry: AuditEntry) {
  const type = eventTypeOf(entry.action);
  if (type === null) return null;
  return {
    eventId: uuidv7(ctx.now().getTime()),
    type,
    occurredAt: ctx.now(),
    tenantId: entry.tenant?.id ?? null,
    tenantSlug: entry.tenant?.slug ?? null,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id ?? null,
    actorLabel: ctx.actor.label,
    correlationId: ctx.correlationId,
    data: {
      auditAction: entry.action,
      target: { type: entry.targetType, id: entry.targetId ?? null },
      before: entry.before ? redactSecrets(entry.before) : null,
      after: entry.after ? redactSecrets(entry.after) : null,
    },
  };
}

/** Adds the lifecycle event of an audit entry (if it records one) to the unit of work of `em`. */
export function recordLifecycleEvent(ctx: ServiceContext, em: SqlEntityManager, entry: AuditEntry): void {
  const data = lifecycleEventData(ctx, entry);
  if (data) em.create(LifecycleEvent, data);
}
