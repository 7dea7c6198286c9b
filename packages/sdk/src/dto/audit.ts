import type { ActorType, AuditEventView } from '@tenantry/core';

/** One audit event, JSON-safe. Secrets in before/after are "[redacted]". */
export interface AuditEventDto {
  id: string;
  occurredAt: string;
  correlationId: string;
  actor: { type: ActorType; id: string | null; label: string };
  action: string;
  tenantId: string | null;
  tenantSlug: string | null;
  targetType: string;
  targetId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export function toAuditEventDto(event: AuditEventView): AuditEventDto {
  return { ...event, occurredAt: event.occurredAt.toISOString() };
}
