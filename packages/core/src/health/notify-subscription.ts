import type { SqlEntityManager } from '@mikro-orm/sql';
import { emailTarget } from '../modules/webhooks/webhook.schemas.ts';
import { installationWebhookKey, unseal } from '../modules/webhooks/webhook-secret.ts';

/** The subscription `doctor --notify URL` delivers to: the one with this URL (or address) taking `health.*` events. */
export async function findHealthSubscription(tx: SqlEntityManager, url: string): Promise<{ id: string; status: string } | null> {
  const rows = await tx.execute<{ id: string; kind: string; target: string; sealed_secret: string | null; status: string }[]>(
    `select id, kind, target, sealed_secret, status from tenantry.webhook_endpoints
      where event_types = 'health.*' and tenant_id is null order by created_at, id`,
  );
  const address = emailTarget(url) ?? url;
  const slack = rows.some((row) => row.kind === 'slack') ? await installationWebhookKey(tx) : null;
  const found = rows.find((row) => (row.kind === 'slack' && slack && row.sealed_secret ? unseal(slack, row.sealed_secret) === url : row.target === address));
  return found ? { id: found.id, status: found.status } : null;
}
