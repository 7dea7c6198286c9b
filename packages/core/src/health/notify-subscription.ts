import type { SqlEntityManager } from '@mikro-orm/sql';
import { emailTarget } from '../modules/webhooks/webhook.schemas.ts';
import { unseal } from '../lib/seal.ts';
import { installationWebhookKey } from '../modules/webhooks/webhook-secret.ts';

/** The subscription `doctor --notify URL` delivers to: the one with this URL (or address) taking `health.*` events. */
export async function findHealthSubscription(tx: SqlEntityManager, url: string): Promise<{ id: string; status: string } | null> {
  const rows = await tx.execute<{ id: string; kind: string; target: string; sealed_url: string | null; status: string }[]>(
    `select id, kind, target, sealed_url, status from tenantry.webhook_endpoints
      where event_types = 'health.*' and tenant_id is null order by created_at, id`,
  );
  const email = emailTarget(url);
  // URLs are stored sealed: compared unsealed.
  const key = email === null && rows.length > 0 ? await installationWebhookKey(tx) : null;
  const found = rows.find((row) => (email !== null ? row.target === email : key !== null && row.sealed_url !== null && unseal(key, row.sealed_url) === url));
  return found ? { id: found.id, status: found.status } : null;
}
