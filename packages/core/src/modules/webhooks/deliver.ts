import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import { TenantryError } from '../../errors.ts';
import { toEventView } from '../events/event-queries.ts';
import { requirePlatform } from '../permissions/authorize.ts';
import { claimDue, type ClaimedDelivery } from './delivery-claim.ts';
import { messageOf } from './delivery-message.ts';
import { deliveryTarget } from './delivery-target.ts';
import { fanOut } from './fan-out.ts';
import { sendDelivery, type AttemptOutcome } from './send-delivery.ts';
import { settleDelivery, type AttemptReport } from './settle-delivery.ts';
import { findEndpoint } from './webhook-endpoints.ts';
import { installationWebhookKey } from './webhook-secret.ts';
import { webhookIdField } from './webhook.schemas.ts';

export type { AttemptReport } from './settle-delivery.ts';

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
  /** Stops after the attempts in flight (a worker being stopped). */
  signal?: AbortSignal;
  /** For the retry jitter; tests pass a fixed one. */
  random?: () => number;
}

/**
 * Delivers everything due: queues the deliveries of new events, then, round after round, claims the next
 * delivery of each endpoint and tenant whose turn it is (as many as are attempted at once), attempts and
 * settles them, until none is due. One whose process died while it was claimed is attempted again by the
 * next run (at least once). Deliveries of one endpoint and tenant go out in event order: the next waits
 * until the one before it is delivered.
 */
export async function deliverDue(ctx: ServiceContext, options: DeliverOptions = {}): Promise<DeliveryRun> {
  requirePlatform(ctx, 'webhook.deliver');
  const endpoint = options.endpoint === undefined ? undefined : await knownEndpoint(ctx.em.fork(), options.endpoint);
  const key = await installationWebhookKey(ctx.em.fork());
  const run: DeliveryRun = { attempted: 0, delivered: 0, retrying: 0, failed: 0, disabled: [], pending: 0, nextAttemptAt: null };
  while (!options.signal?.aborted) {
    await fanOut(ctx.em, ctx.now(), endpoint);
    const claimed = await claimDue(ctx.em, ctx.now(), endpoint, options.concurrency ?? 8);
    if (claimed.length === 0) break;
    await Promise.all(
      claimed.map(async (delivery) => {
        const report = await settleDelivery(ctx, delivery, await attempt(ctx, key, delivery), options.random ?? Math.random);
        if (!report) return;
        run.attempted += 1;
        run[report.status] += 1;
        if (report.disabledReason !== null) run.disabled.push({ id: report.endpoint.id, target: report.endpoint.target, reason: report.disabledReason });
        options.onAttempt?.(report);
      }),
    );
  }
  Object.assign(run, await waiting(ctx.em, endpoint));
  return run;
}

/** One attempt; a target that cannot even be unsealed is a failed attempt like any other, not a stopped run. */
async function attempt(ctx: ServiceContext, key: Buffer, delivery: ClaimedDelivery): Promise<AttemptOutcome> {
  try {
    return await sendDelivery(deliveryTarget(key, delivery), messageOf(toEventView(delivery)), ctx.now(), ctx.mailer);
  } catch (error) {
    return { ok: false, statusCode: null, latencyMs: 0, excerpt: null, error: `not sent: ${(error as Error).message}` };
  }
}

async function knownEndpoint(em: SqlEntityManager, given: string): Promise<string> {
  const parsed = webhookIdField.safeParse(given);
  if (!parsed.success)
    throw TenantryError.invalidInput([{ path: 'endpoint', message: parsed.error.issues[0]?.message ?? 'must be the id of a webhook subscription' }]);
  return (await findEndpoint(em, parsed.data)).id;
}

/** What is still queued, and the next attempt possible: the earliest of the deliveries whose turn it is. */
async function waiting(em: SqlEntityManager, endpoint: string | undefined): Promise<Pick<DeliveryRun, 'pending' | 'nextAttemptAt'>> {
  const scope = endpoint ? ' and d.endpoint_id = ?' : '';
  const [row] = await em.fork().execute<{ pending: number; next: Date | string | null }[]>(
    `select (select count(*) from tenantry.webhook_deliveries d join tenantry.webhook_endpoints w on w.id = d.endpoint_id
              where d.status = 'pending' and w.status = 'enabled'${scope})::int as pending,
            (select min(next_attempt_at) from (
               select distinct on (d.endpoint_id, d.ordering_key) d.next_attempt_at
                 from tenantry.webhook_deliveries d join tenantry.webhook_endpoints w on w.id = d.endpoint_id
                where d.status = 'pending' and w.status = 'enabled'${scope}
                order by d.endpoint_id, d.ordering_key, d.id) heads) as next`,
    endpoint ? [endpoint, endpoint] : [],
  );
  return { pending: row?.pending ?? 0, nextAttemptAt: row?.next ? new Date(row.next) : null };
}
