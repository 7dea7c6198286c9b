import type { AuditEventView } from '@tenantry/core';

/** One audit event, JSON-safe. Secrets in before/after are "[redacted]". */
export type AuditEventDto = Omit<AuditEventView, 'occurredAt'> & { occurredAt: string };

export function toAuditEventDto(event: AuditEventView): AuditEventDto {
  return { ...event, occurredAt: event.occurredAt.toISOString() };
}
