import type { EventView } from '../events/event-queries.ts';

/** What one delivery carries: the Standard Webhooks id, the JSON body, and a line for people (Slack, email). */
export interface DeliveryMessage {
  /** The event's public id: the `webhook-id` header, the same on every attempt and replay. */
  id: string;
  type: string;
  body: string;
  summary: string;
}

/** The Standard Webhooks payload shape: `{ type, timestamp, data }`, the data being the event as `events list --json` shows it. */
export function messageOf(event: EventView): DeliveryMessage {
  const body = JSON.stringify({
    type: event.type,
    timestamp: event.occurredAt.toISOString(),
    data: {
      id: event.id,
      eventId: event.eventId,
      tenant: event.tenant,
      actor: event.actor,
      correlationId: event.correlationId,
      ...event.data,
    },
  });
  return { id: event.eventId, type: event.type, body, summary: summaryOf(event) };
}

/** A test message: a `webhook.test` event that exists nowhere else. */
export function testMessage(id: string, now: Date): DeliveryMessage {
  const body = JSON.stringify({ type: 'webhook.test', timestamp: now.toISOString(), data: { message: 'A test delivery from tenantry webhook test.' } });
  return { id, type: 'webhook.test', body, summary: 'webhook.test: a test delivery from tenantry webhook test' };
}

function summaryOf(event: EventView): string {
  const tenant = event.tenant ? ` ${event.tenant.slug}` : '';
  const detail =
    typeof event.data.after?.message === 'string'
      ? `: ${event.data.after.message}`
      : event.data.target.id
        ? ` (${event.data.target.type} ${event.data.target.id})`
        : '';
  return `${event.type}${tenant}${detail}, by ${event.actor.label}`;
}
