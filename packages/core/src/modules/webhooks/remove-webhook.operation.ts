import { defineOperation } from '../../operations/operation.ts';
import { findEndpoint, toWebhookView } from './webhook-endpoints.ts';
import { webhookRefInput } from './webhook.schemas.ts';

/** Removes a subscription with its deliveries and their attempts; nothing more is sent to it. */
export const removeWebhook = defineOperation({
  id: 'webhook.remove',
  summary: 'Removes a webhook subscription, its queued deliveries and their history.',
  scope: 'platform',
  input: webhookRefInput,
  audit: ['webhook.removed'],
  async plan({ tx }, request) {
    const row = await findEndpoint(tx, request.id, true);
    const [counts] = (await tx.execute<{ pending: number; total: number }[]>(
      `select count(*) filter (where status = 'pending')::int as pending, count(*)::int as total from tenantry.webhook_deliveries where endpoint_id = ?`,
      [row.id],
    )) as [{ pending: number; total: number }];
    const dropped = counts.pending > 0 ? `; ${counts.pending} delivery(ies) not yet made are dropped` : '';
    return {
      steps: [
        {
          action: 'remove-webhook',
          description: `Remove the subscription of ${row.target} to ${row.event_types} and its ${counts.total} delivery record(s)${dropped}`,
        },
        { action: 'audit', description: 'Record webhook.removed in the audit trail' },
      ],
      basis: { id: row.id, status: row.status, deliveries: counts },
      audit: { targetType: 'webhook', targetId: row.id, before: { kind: row.kind, target: row.target, events: row.event_types, pending: counts.pending } },
      data: { view: toWebhookView(row) },
    };
  },
  async apply({ tx }, { data }) {
    await tx.execute('delete from tenantry.webhook_endpoints where id = ?', [data.view.id]);
    return { webhook: data.view };
  },
});
