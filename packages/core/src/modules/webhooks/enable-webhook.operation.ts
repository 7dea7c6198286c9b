import { defineOperation } from '../../operations/operation.ts';
import { findEndpoint, toWebhookView } from './webhook-endpoints.ts';
import { webhookRefInput } from './webhook.schemas.ts';

/**
 * Turns a disabled subscription back on: the delivery that gave up is attempted again with a fresh retry
 * schedule, then everything queued behind it, in order; nothing was lost while it was off.
 */
export const enableWebhook = defineOperation({
  id: 'webhook.enable',
  summary: 'Turns a disabled webhook subscription back on; the deliveries that gave up are retried, in order.',
  scope: 'platform',
  input: webhookRefInput,
  audit: ['webhook.enabled'],
  async plan({ tx }, request) {
    const row = await findEndpoint(tx, request.id, true);
    const [{ failed }] = (await tx.execute<{ failed: number }[]>(
      `select count(*)::int as failed from tenantry.webhook_deliveries where endpoint_id = ? and status = 'failed'`,
      [row.id],
    )) as [{ failed: number }];
    const data = { view: toWebhookView(row) };
    if (row.status === 'enabled' && failed === 0) return { unchanged: true, steps: [], data };
    return {
      steps: [
        ...(row.status === 'disabled'
          ? [{ action: 'enable-webhook', description: `Enable the subscription of ${row.target} (disabled: ${row.disabled_reason ?? 'by hand'})` }]
          : []),
        ...(failed > 0
          ? [{ action: 'retry-failed', description: `Queue the ${failed} delivery(ies) that gave up again, first in their order, with a fresh retry schedule` }]
          : []),
        { action: 'audit', description: 'Record webhook.enabled in the audit trail' },
      ],
      changes: row.status === 'disabled' ? [{ field: 'status', from: 'disabled', to: 'enabled' }] : [],
      basis: { status: row.status, failed },
      audit: { targetType: 'webhook', targetId: row.id, before: { status: row.status, failed }, after: { status: 'enabled' } },
      data,
    };
  },
  async apply(ctx, { data }) {
    const { tx } = ctx;
    await tx.execute(`update tenantry.webhook_endpoints set status = 'enabled', disabled_at = null, disabled_reason = null where id = ?`, [data.view.id]);
    await tx.execute(
      `update tenantry.webhook_deliveries set status = 'pending', attempts = 0, next_attempt_at = ?, claimed_by = null, claimed_until = null
        where endpoint_id = ? and status = 'failed'`,
      [ctx.now(), data.view.id],
    );
    return { webhook: toWebhookView(await findEndpoint(tx, data.view.id)) };
  },
});
