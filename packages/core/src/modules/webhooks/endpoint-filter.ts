import { eventTypesMatching } from '../events/event-catalog.ts';
import type { WebhookEndpointRow } from './webhook-endpoints.ts';

/** The event types a subscription takes (its globs resolved against the catalog of today). */
export function endpointTypes(row: Pick<WebhookEndpointRow, 'event_types'>): string[] {
  return eventTypesMatching(row.event_types, 'events');
}

export function endpointWants(row: Pick<WebhookEndpointRow, 'event_types' | 'tenant_id'>, type: string, tenantId: string | null): boolean {
  return endpointTypes(row).includes(type) && (row.tenant_id === null || row.tenant_id === tenantId);
}
