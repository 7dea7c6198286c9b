import type { EventPage, EventView } from '@tenantry/core';

/** One lifecycle event, JSON-safe. `id` is the cursor; secrets in `data` are "[redacted]". */
export type EventDto = Omit<EventView, 'occurredAt'> & { occurredAt: string };

/** A page of events in id order; pass `nextCursor` as `since` for the next one (null: the last page so far). */
export interface EventPageDto {
  events: EventDto[];
  nextCursor: string | null;
}

export function toEventPageDto(page: EventPage): EventPageDto {
  return { events: page.events.map((event) => ({ ...event, occurredAt: event.occurredAt.toISOString() })), nextCursor: page.nextCursor };
}
