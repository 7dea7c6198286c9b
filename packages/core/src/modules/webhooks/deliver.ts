import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { EVENT_COLUMNS, toEventView, type EventRow } from '../events/event-queries.ts';
import { requirePlatform } from '../permissions/authorize.ts';
import { claimable, CLAIM_SECONDS, newClaim } from './delivery-claim.ts';
import { messageOf } from './delivery-message.ts';
import { fanOut } from './fan-out.ts';
import { MAX_ATTEMPTS, nextAttemptAt } from './retry-schedule.ts';
import { sendDelivery, type AttemptOutcome, type DeliveryTarget } from './send-delivery.ts';
import { installationWebhookKey, unseal } from './webhook-secret.ts';
import type { WebhookKind } from './webhook.schemas.ts';

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
}

export interface DeliveryRun {
  attempted: number;
  delivered: number;
  retrying: number;
  failed: number;
  /** Endpoints disabled in this run: a delivery to them used its whole retry schedule. */
  disabled: { id: string; target: string; reason: string }[];
  /** Deliveries still queued (waiting for a retry, or behind one of their tenant), and when the next is due. */
  pending: number;
  nextAttemptAt: Date | null;
}

export interface DeliverOptions {
  /** Only this subscription's deliveries. */
  endpoint?: string;
  /** Attempts made at once (each endpoint and tenant still one at a time, in order). Default 8. */
  concurrency?: number;
  onAttempt?: (report: AttemptReport) => void;
  /** For the retry jitter; tests pass a fixed one. */
  random?: () => number;
}

interface ClaimedDelivery extends EventRow {
  delivery_id: string;
  attempts: number;
  endpoint_id: string;
  kind: WebhookKind;
  target: string;
  sealed_secret: string | null;
}

/**
 * Delivers everything due: queues the deliveries of new events, then, round after round, makes the next
 * attempt of each endpoint and tenant whose turn it is, until none is due. A delivery is claimed before
 * its attempt and settled after it; one whose process died while it was claimed is attempted again by the
 * next run (at least once). Deliveries of one endpoint and tenant go out in event order: the next waits
 * until the one before it is delivered.
 */
export async function deliverDue(ctx: ServiceContext, options: DeliverOptions = {}): Promise<DeliveryRun> {
  requirePlatform(ctx, 'webhook.deliver');
  const key = await installationWebhookKey(ctx.em.fork());
  const run: DeliveryRun = { attempted: 0, delivered: 0, retrying: 0, failed: 0, disabled: [], pending: 0, nextAttemptAt: null };
  for (;;) {
    await fanOut(ctx.em, ctx.now(), options.endpoint);
    const claimed = await claimDue(ctx.em, ctx.now(), options.endpoint);
    if (claimed.length === 0) break;
    await inBatches(claimed, options.concurrency ?? 8, async ({ id, claim }) => {
      const delivery = await loadClaimed(ctx.em, id);
      // Its subscription was removed since it was claimed: nothing to send.
      if (!delivery) return;
      const outcome = await sendDelivery(targetOf(key, delivery), messageOf(toEventView(delivery)), ctx.now(), ctx.mailer);
      const report = await settle(ctx, delivery, claim, outcome, options.random ?? Math.random);
      run.attempted += 1;
      run[report.status] += 1;
      if (report.status === 'failed') run.disabled.push({ id: delivery.endpoint_id, target: delivery.target, reason: disabledReason(delivery, report) });
      options.onAttempt?.(report);
    });
  }
  // The next attempt possible is the earliest of the deliveries whose turn it is (the first of each endpoint and tenant).
  const [waiting] = await ctx.em.fork().execute<{ pending: number; next: Date | string | null }[]>(
    `select (select count(*) from tenantry.webhook_deliveries d join tenantry.webhook_endpoints w on w.id = d.endpoint_id
              where d.status = 'pending' and w.status = 'enabled'${options.endpoint ? ' and d.endpoint_id = ?' : ''})::int as pending,
            (select min(next_attempt_at) from (
               select distinct on (d.endpoint_id, d.ordering_key) d.next_attempt_at
                 from tenantry.webhook_deliveries d join tenantry.webhook_endpoints w on w.id = d.endpoint_id
                where d.status = 'pending' and w.status = 'enabled'${options.endpoint ? ' and d.endpoint_id = ?' : ''}
                order by d.endpoint_id, d.ordering_key, d.id) heads) as next`,
    options.endpoint ? [options.endpoint, options.endpoint] : [],
  );
  run.pending = waiting?.pending ?? 0;
  run.nextAttemptAt = waiting?.next ? new Date(waiting.next) : null;
  return run;
}

/** Claims the first pending delivery of each endpoint and tenant when it is due and nobody live holds it. */
async function claimDue(em: SqlEntityManager, now: Date, endpoint: string | undefined): Promise<{ id: string; claim: string }[]> {
  const heads = await em.fork().execute<{ id: string; claimed_by: string | null; claimed_until: Date | string | null }[]>(
    `select id::text as id, claimed_by, claimed_until from (
       select distinct on (d.endpoint_id, d.ordering_key) d.id, d.claimed_by, d.claimed_until, d.next_attempt_at
         from tenantry.webhook_deliveries d join tenantry.webhook_endpoints w on w.id = d.endpoint_id
        where d.status = 'pending' and w.status = 'enabled'${endpoint ? ' and d.endpoint_id = ?' : ''}
        order by d.endpoint_id, d.ordering_key, d.id
     ) heads where next_attempt_at <= ? order by id limit 100`,
    [...(endpoint ? [endpoint] : []), now],
  );
  const claimed: { id: string; claim: string }[] = [];
  for (const head of heads) {
    if (!claimable(head.claimed_by, head.claimed_until === null ? null : new Date(head.claimed_until), now)) continue;
    const claim = newClaim();
    const won = await em.fork().execute<{ id: string }[]>(
      `update tenantry.webhook_deliveries set claimed_by = ?, claimed_until = ?
        where id = ? and status = 'pending' and claimed_by is not distinct from ? returning id`,
      [claim, new Date(now.getTime() + CLAIM_SECONDS * 1000), head.id, head.claimed_by],
    );
    if (won.length > 0) claimed.push({ id: head.id, claim });
  }
  return claimed;
}

async function loadClaimed(em: SqlEntityManager, id: string): Promise<ClaimedDelivery | undefined> {
  const [row] = await em.fork().execute<ClaimedDelivery[]>(
    `select d.id::text as delivery_id, d.attempts, w.id as endpoint_id, w.kind, w.target, w.sealed_secret, ${EVENT_COLUMNS}
       from tenantry.webhook_deliveries d
       join tenantry.webhook_endpoints w on w.id = d.endpoint_id
       join tenantry.events events on events.id = d.event_id
      where d.id = ?`,
    [id],
  );
  return row;
}

function targetOf(key: Buffer, delivery: ClaimedDelivery): DeliveryTarget {
  const sealed = delivery.sealed_secret === null ? null : unseal(key, delivery.sealed_secret);
  if (delivery.kind === 'slack') return { kind: 'slack', address: sealed ?? '', secret: null };
  return { kind: delivery.kind, address: delivery.target, secret: sealed };
}

/** Records the attempt and where the delivery stands; a delivery that used its whole schedule disables its endpoint. */
async function settle(ctx: ServiceContext, delivery: ClaimedDelivery, claim: string, outcome: AttemptOutcome, random: () => number): Promise<AttemptReport> {
  const now = ctx.now();
  const attempt = delivery.attempts + 1;
  const retryAt = outcome.ok ? null : nextAttemptAt(now, attempt, random);
  const status: AttemptReport['status'] = outcome.ok ? 'delivered' : retryAt ? 'retrying' : 'failed';
  await ctx.em.fork().transactional(async (tx) => {
    await tx.execute(
      // Not when the subscription was removed during the attempt (its deliveries went with it).
      `insert into tenantry.webhook_attempts (delivery_id, attempted_at, status_code, latency_ms, response_excerpt, error)
       select id, ?, ?, ?, ?, ? from tenantry.webhook_deliveries where id = ?`,
      [now, outcome.statusCode, outcome.latencyMs, outcome.excerpt, outcome.error, delivery.delivery_id],
    );
    await tx.execute(
      `update tenantry.webhook_deliveries
          set status = ?, attempts = ?, next_attempt_at = coalesce(?, next_attempt_at), delivered_at = ?, claimed_by = null, claimed_until = null
        where id = ? and claimed_by = ?`,
      [status === 'retrying' ? 'pending' : status, attempt, retryAt, outcome.ok ? now : null, delivery.delivery_id, claim],
    );
    if (status === 'failed') {
      const reason = disabledReason(delivery, { attempt, outcome });
      await tx.execute(`update tenantry.webhook_endpoints set status = 'disabled', disabled_at = ?, disabled_reason = ? where id = ?`, [
        now,
        reason,
        delivery.endpoint_id,
      ]);
      recordAudit(ctx, tx, {
        action: 'webhook.disabled',
        targetType: 'webhook',
        targetId: delivery.endpoint_id,
        before: { status: 'enabled' },
        after: { status: 'disabled', reason },
      });
    }
  });
  return {
    deliveryId: delivery.delivery_id,
    endpoint: { id: delivery.endpoint_id, target: delivery.target },
    event: { id: delivery.id, eventId: delivery.event_id, type: delivery.type, tenant: delivery.tenant_slug },
    outcome,
    status,
    attempt,
    nextAttemptAt: retryAt,
  };
}

function disabledReason(delivery: ClaimedDelivery, report: Pick<AttemptReport, 'attempt' | 'outcome'>): string {
  return `event ${delivery.id} (${delivery.type}) failed ${report.attempt} of ${MAX_ATTEMPTS} attempts, the last: ${report.outcome.error ?? 'no answer'}`;
}

/** Runs `work` over items, at most `size` at a time. */
async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(work));
}
