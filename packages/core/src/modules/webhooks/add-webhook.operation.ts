import { defineOperation } from '../../operations/operation.ts';
import { insertEndpoint, planEndpoint } from './new-endpoint.ts';
import { addWebhookInput } from './webhook.schemas.ts';

/**
 * Subscribes a URL or an email address to lifecycle events from now on (older ones: `webhook replay`).
 * A webhook's signing secret is made while applying and returned once; it is stored sealed with the
 * installation's webhook key, never in clear, and no plan, fingerprint or audit event holds it.
 */
export const addWebhook = defineOperation({
  id: 'webhook.add',
  summary: 'Subscribes a webhook URL, a Slack incoming webhook or an email address to lifecycle events.',
  scope: 'platform',
  input: addWebhookInput,
  audit: ['webhook.added'],
  secretFields: ['secret'],
  async plan(ctx, request) {
    const endpoint = await planEndpoint(ctx.tx, ctx, request);
    return {
      steps: [endpoint.step, { action: 'audit', description: 'Record webhook.added in the audit trail (without any secret)' }],
      audit: {
        targetType: 'webhook',
        targetId: endpoint.id,
        after: { kind: endpoint.kind, target: endpoint.target, events: endpoint.types, tenant: request.tenant ?? null },
      },
      data: { endpoint },
    };
  },
  async apply(ctx, plan, request) {
    return insertEndpoint(ctx.tx, ctx, plan.data.endpoint, request.secret);
  },
});
