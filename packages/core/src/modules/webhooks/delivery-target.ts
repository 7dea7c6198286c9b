import type { DeliveryTarget } from './send-delivery.ts';
import type { WebhookEndpointRow } from './webhook-endpoints.ts';
import { unseal } from '../../lib/seal.ts';

/** Where a subscription's deliveries go, unsealed for one attempt with the installation's webhook key. */
export function deliveryTarget(key: Buffer, row: Pick<WebhookEndpointRow, 'kind' | 'target' | 'sealed_url' | 'sealed_secret'>): DeliveryTarget {
  if (row.kind === 'email') return { kind: 'email', address: row.target, secret: null };
  return {
    kind: row.kind,
    address: row.sealed_url === null ? '' : unseal(key, row.sealed_url),
    secret: row.sealed_secret === null ? null : unseal(key, row.sealed_secret),
  };
}
