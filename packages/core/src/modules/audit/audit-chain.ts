import { IsolationLevel } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import { requirePlatform } from '../permissions/authorize.ts';

/** How the trail was changed where the chain first breaks. */
export const CHAIN_BREAK_KINDS = ['edited', 'deleted', 'inserted'] as const;
export type ChainBreakKind = (typeof CHAIN_BREAK_KINDS)[number];

export interface ChainBreak {
  kind: ChainBreakKind;
  /** The event where the chain breaks (for a deletion, the first event after the gap; null when the trail is empty). */
  id: string | null;
  /** One sentence with the positions involved. */
  detail: string;
}

export interface AuditChainReport {
  intact: boolean;
  events: number;
  /** The last link the database recorded: keep it elsewhere to detect a trail rewritten from scratch. */
  head: { seq: string; hash: string } | null;
  broken: ChainBreak | null;
}

interface BreakRow {
  id: string;
  previous_id: string | null;
  kind: ChainBreakKind | 'relinked';
  seq: string | null;
  previous_seq: string | null;
}

/**
 * One pass over the trail in chain order (a window function, no row-by-row round trips): each event's
 * hash is recomputed from its stored previous hash and its columns, and compared with the event before it.
 * An event without a chain position was written around the trigger (inserted); a hash that no longer
 * matches the columns means an edit; a gap in positions means deleted events; a link that does not
 * match the previous event's hash means that event was rewritten.
 */
const FIRST_BREAK = `
  with chain as (
    select e.id, e.chain_seq, e.prev_hash, e.hash,
           tenantry.audit_event_hash(e.prev_hash, e.chain_seq, e) as computed,
           lag(e.chain_seq) over w as previous_seq,
           lag(e.hash) over w as previous_hash,
           lag(e.id) over w as previous_id
      from tenantry.audit_events e
    window w as (order by e.chain_seq nulls last, e.id)
  ), judged as (
    select id, chain_seq, previous_seq, previous_id,
           case
             when chain_seq is null or prev_hash is null or hash is null or chain_seq = previous_seq then 'inserted'
             when computed <> hash then 'edited'
             when chain_seq <> coalesce(previous_seq, 0) + 1 then 'deleted'
             when prev_hash <> coalesce(previous_hash, decode(repeat('00', 32), 'hex')) then 'relinked'
           end as kind
      from chain
  )
  select id::text as id, previous_id::text as previous_id, kind, chain_seq::text as seq, previous_seq::text as previous_seq
    from judged
   where kind is not null
   order by chain_seq nulls last, id
   limit 1`;

export async function verifyAuditChain(ctx: ServiceContext): Promise<AuditChainReport> {
  requirePlatform(ctx, 'audit.list');
  return readChain(ctx.em.fork());
}

/** The chain's state, without the permission check (the doctor's check runs it). */
export async function readChain(em: SqlEntityManager): Promise<AuditChainReport> {
  // One snapshot for the rows and the head, so a commit in between cannot look like tampering.
  return em.transactional(
    async (tx) => {
      const [stats] = await tx.execute<{ events: string; last_seq: string | null; last_id: string | null }[]>(
        'select count(*)::text as events, max(chain_seq)::text as last_seq, (array_agg(id order by chain_seq desc nulls last))[1]::text as last_id from tenantry.audit_events',
      );
      const [head] = await tx.execute<{ last_seq: string; last_hash: string }[]>(
        "select last_seq::text as last_seq, encode(last_hash, 'hex') as last_hash from tenantry.audit_chain_head",
      );
      const [first] = await tx.execute<BreakRow[]>(FIRST_BREAK);
      const events = Number(stats?.events ?? 0);
      const report = (broken: ChainBreak | null): AuditChainReport => ({
        intact: broken === null,
        events,
        head: head ? { seq: head.last_seq, hash: head.last_hash } : null,
        broken,
      });
      if (first) return report(describe(first));
      if (!head) return report({ kind: 'deleted', id: null, detail: 'The chain head (tenantry.audit_chain_head) is missing.' });
      const lastSeq = stats?.last_seq ?? '0';
      if (BigInt(head.last_seq) > BigInt(lastSeq)) {
        return report({
          kind: 'deleted',
          id: stats?.last_id ?? null,
          detail: `The chain reached position ${head.last_seq}, the trail ends at ${lastSeq}: the last events were deleted.`,
        });
      }
      return report(null);
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
  );
}

function describe(row: BreakRow): ChainBreak {
  switch (row.kind) {
    case 'inserted':
      return { kind: row.kind, id: row.id, detail: `Event ${row.id} was written around the chain (no valid chain position or hash).` };
    case 'edited':
      return {
        kind: row.kind,
        id: row.id,
        detail: `Event ${row.id} (position ${row.seq ?? '?'}) no longer matches its hash: it was changed after it was written.`,
      };
    case 'relinked':
      return {
        kind: 'edited',
        id: row.previous_id,
        detail: `Event ${row.previous_id ?? '?'} (position ${row.previous_seq ?? '?'}) was rewritten: event ${row.id} no longer links to its hash.`,
      };
    case 'deleted':
      return {
        kind: row.kind,
        id: row.id,
        detail: `Events between positions ${row.previous_seq ?? '0'} and ${row.seq ?? '?'} are missing before event ${row.id}.`,
      };
  }
}
