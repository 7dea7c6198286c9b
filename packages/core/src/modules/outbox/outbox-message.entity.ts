import { defineEntity, p } from '@mikro-orm/core';
import { CONTROL_PLANE_SCHEMA, createdAtProperty, idProperty } from '../../db/base-properties.ts';

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * A message written in the transaction of the change that causes it, delivered after commit. The body
 * is a template: secrets (an invitation token) are `{{name}}` slots filled at delivery from memory,
 * so the database never holds them.
 */
const OutboxMessageSchema = defineEntity({
  name: 'OutboxMessage',
  tableName: 'outbox_messages',
  schema: CONTROL_PLANE_SCHEMA,
  properties: {
    id: idProperty(),
    tenantId: p.uuid().nullable(),
    correlationId: p.uuid(),
    kind: p.string(),
    recipient: p.string(),
    subject: p.string(),
    body: p.text(),
    status: p.enum(OUTBOX_STATUSES),
    attempts: p.integer(),
    lastError: p.text().nullable(),
    createdAt: createdAtProperty(),
    sentAt: p.datetime().nullable(),
  },
});

export class OutboxMessage extends OutboxMessageSchema.class {}
OutboxMessageSchema.setClass(OutboxMessage);
