import { randomUUID } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { processIsGone, processStartTicks } from '../../db/process-identity.ts';
import { EVENT_COLUMNS, type EventRow } from '../events/event-queries.ts';
import type { WebhookEndpointRow } from './webhook-endpoints.ts';

/** How long a claim holds without its process being known dead: well past one attempt's timeout. */
export const CLAIM_SECONDS = 60;

/** A delivery claimed by this process, with what its attempt needs. */
export interface ClaimedDelivery extends EventRow, Pick<WebhookEndpointRow, 'kind' | 'target' | 'sealed_url' | 'sealed_secret'> {
  delivery_id: string;
  attempts: number;
  endpoint_id: string;
  /** This claim: settling compares it, so a claim taken over is never settled twice. */
  claim: string;
}

interface Head {
  id: string;
  attempts: number;
  claimed_by: string | null;
  claimed_until: Date | string | null;
}

/**
 * Claims, at most `limit` of them, the first pending delivery of each endpoint and tenant when it is due
 * and nobody live holds it. The claim is a compare-and-set on the holder and the attempt count read, so a
 * delivery another deliverer attempted in between (and scheduled later) is not attempted again now.
 */
export async function claimDue(em: SqlEntityManager, now: Date, endpoint: string | undefined, limit: number): Promise<ClaimedDelivery[]> {
  const heads = await em.fork().execute<Head[]>(
    `select id::text as id, attempts, claimed_by, claimed_until from (
       select distinct on (d.endpoint_id, d.ordering_key) d.id, d.attempts, d.claimed_by, d.claimed_until, d.next_attempt_at
         from tenantry.webhook_deliveries d join tenantry.webhook_endpoints w on w.id = d.endpoint_id
        where d.status = 'pending' and w.status = 'enabled'${endpoint ? ' and d.endpoint_id = ?' : ''}
        order by d.endpoint_id, d.ordering_key, d.id
     ) heads where next_attempt_at <= ? order by next_attempt_at, id limit 100`,
    [...(endpoint ? [endpoint] : []), now],
  );
  const claimed: ClaimedDelivery[] = [];
  for (const head of heads) {
    if (claimed.length >= limit) break;
    if (!claimable(head.claimed_by, head.claimed_until === null ? null : new Date(head.claimed_until), now)) continue;
    const claim = newClaim();
    const won = await em.fork().execute<{ id: string }[]>(
      `update tenantry.webhook_deliveries set claimed_by = ?, claimed_until = ?
        where id = ? and status = 'pending' and claimed_by is not distinct from ? and attempts = ? and next_attempt_at <= ?
        returning id`,
      [claim, new Date(now.getTime() + CLAIM_SECONDS * 1000), head.id, head.claimed_by, head.attempts, now],
    );
    const delivery = won.length > 0 ? await loadClaimed(em, head.id, claim) : undefined;
    if (delivery) claimed.push(delivery);
  }
  return claimed;
}

/** The delivery with its endpoint and event, while this claim still holds it (its subscription may have been removed). */
async function loadClaimed(em: SqlEntityManager, id: string, claim: string): Promise<ClaimedDelivery | undefined> {
  const [row] = await em.fork().execute<ClaimedDelivery[]>(
    `select d.id::text as delivery_id, d.attempts, d.claimed_by as claim, w.id as endpoint_id, w.kind, w.target, w.sealed_url, w.sealed_secret, ${EVENT_COLUMNS}
       from tenantry.webhook_deliveries d
       join tenantry.webhook_endpoints w on w.id = d.endpoint_id
       join tenantry.events events on events.id = d.event_id
      where d.id = ? and d.claimed_by = ?`,
    [id, claim],
  );
  return row;
}

/** Which pid namespace this process sees (`pid:[4026531836]`): a pid means something only inside its own. */
const PID_NAMESPACE = (() => {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return '';
  }
})();

/**
 * `host pid-namespace pid start-ticks nonce`: names the claiming process (to tell it died) and this one
 * claim (to compare and set).
 */
function newClaim(): string {
  return [hostname(), PID_NAMESPACE, process.pid, processStartTicks(process.pid) ?? '', randomUUID()].join(' ');
}

/**
 * A delivery may be claimed when nobody holds it, the claim ran out, or its process is certainly gone
 * (kill -9): on this host and in this pid namespace, its pid free or reused. Elsewhere only the claim's
 * minute running out frees it.
 */
function claimable(claimedBy: string | null, claimedUntil: Date | null, now: Date): boolean {
  if (claimedBy === null || claimedUntil === null || claimedUntil.getTime() <= now.getTime()) return true;
  const [host, namespace, pid, start] = claimedBy.split(' ');
  if (host === undefined || namespace !== PID_NAMESPACE || pid === undefined || !/^\d+$/.test(pid)) return false;
  return processIsGone({ host, pid: Number(pid), pidStart: start === '' ? undefined : start });
}
