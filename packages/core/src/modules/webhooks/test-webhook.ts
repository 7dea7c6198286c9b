import type { ServiceContext } from '../../context.ts';
import { uuidv7 } from '../../db/ids.ts';
import { requirePlatform } from '../permissions/authorize.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { testMessage } from './delivery-message.ts';
import { sendDelivery, type AttemptOutcome } from './send-delivery.ts';
import { findEndpoint } from './webhook-endpoints.ts';
import { installationWebhookKey } from './webhook-secret.ts';
import { deliveryTarget } from './delivery-target.ts';
import { webhookRefInput } from './webhook.schemas.ts';

/**
 * Sends a `webhook.test` message to a subscription now, signed like every delivery, enabled or not, and
 * answers how it went. It is not an event: nothing is queued or recorded.
 */
export async function testWebhook(
  ctx: ServiceContext,
  input: unknown,
): Promise<{ endpoint: { id: string; target: string }; messageId: string; outcome: AttemptOutcome }> {
  requirePlatform(ctx, 'webhook.test');
  const { id } = parseInput(webhookRefInput, input);
  const em = ctx.em.fork();
  const row = await findEndpoint(em, id);
  const message = testMessage(uuidv7(ctx.now().getTime()), ctx.now());
  const outcome = await sendDelivery(deliveryTarget(await installationWebhookKey(em), row), message, ctx.now(), ctx.mailer);
  return { endpoint: { id: row.id, target: row.target }, messageId: message.id, outcome };
}
