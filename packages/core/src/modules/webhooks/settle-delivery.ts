import type { ServiceContext } from '../../context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { ClaimedDelivery } from './delivery-claim.ts';
import { MAX_ATTEMPTS, nextAttemptAt } from './retry-schedule.ts';
import type { AttemptOutcome } from './send-delivery.ts';

/** One attempt as it happened, for a face to print while delivering. */
export interface AttemptReport {
  deliveryId: string;
  endpoint: { id: string; target: string };
  event: { id: string; eventId: string; type: string; tenant: string | null };
  outcome: AttemptOutcome;
  /** Where the delivery stands after it: done, to be retried at `nextAttemptAt`, or given up (the endpoint is then disabled). */
  status: 'delivered' | 'retrying' | 'failed';
  attempt: number;
  nextAttemptAt: Date | null;
  /** Set when this attempt disabled the endpoint. */
  disabledReason: string | null;
}

/**
 * Records an attempt and where the delivery stands, if this process still holds its claim (else null:
 * another deliverer took it over, or the subscription was removed). A delivery that used its whole
 * schedule disables its endpoint.
 */
export async function settleDelivery(
  ctx: ServiceContext,
  delivery: ClaimedDelivery,
  outcome: AttemptOutcome,
  random: () => number,
): Promise<AttemptReport | null> {
  const now = ctx.now();
  const attempt = delivery.attempts + 1;
  const retryAt = outcome.ok ? null : nextAttemptAt(now, attempt, random);
  const status: AttemptReport['status'] = outcome.ok ? 'delivered' : retryAt ? 'retrying' : 'failed';
  const reason =
    status === 'failed'
      ? `event ${delivery.id} (${delivery.type}) failed ${attempt} of ${MAX_ATTEMPTS} attempts, the last: ${outcome.error ?? 'no answer'}`
      : null;
  const settled = await ctx.em.fork().transactional(async (tx) => {
    // First the delivery, under this claim: its row lock also holds off a removal of the subscription until commit.
    const held = await tx.execute<{ id: string }[]>(
      `update tenantry.webhook_deliveries
          set status = ?, attempts = ?, next_attempt_at = coalesce(?, next_attempt_at), delivered_at = ?, claimed_by = null, claimed_until = null
        where id = ? and claimed_by = ? returning id`,
      [status === 'retrying' ? 'pending' : status, attempt, retryAt, outcome.ok ? now : null, delivery.delivery_id, delivery.claim],
    );
    if (held.length === 0) return false;
    await tx.execute(
      `insert into tenantry.webhook_attempts (delivery_id, attempted_at, status_code, latency_ms, response_excerpt, error) values (?, ?, ?, ?, ?, ?)`,
      [delivery.delivery_id, now, outcome.statusCode, outcome.latencyMs, outcome.excerpt, outcome.error],
    );
    if (reason !== null) {
      const disabled = await tx.execute<{ id: string }[]>(
        `update tenantry.webhook_endpoints set status = 'disabled', disabled_at = ?, disabled_reason = ? where id = ? and status = 'enabled' returning id`,
        [now, reason, delivery.endpoint_id],
      );
      if (disabled.length > 0) {
        recordAudit(ctx, tx, {
          action: 'webhook.disabled',
          targetType: 'webhook',
          targetId: delivery.endpoint_id,
          before: { status: 'enabled' },
          after: { status: 'disabled', reason },
        });
      }
    }
    return true;
  });
  if (!settled) return null;
  return {
    deliveryId: delivery.delivery_id,
    endpoint: { id: delivery.endpoint_id, target: delivery.target },
    event: { id: delivery.id, eventId: delivery.event_id, type: delivery.type, tenant: delivery.tenant_slug },
    outcome,
    status,
    attempt,
    nextAttemptAt: retryAt,
    disabledReason: reason,
  };
}
