import type { ServiceContext } from '../../context.ts';
import { requirePlatform } from '../permissions/authorize.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { findEndpoint } from './webhook-endpoints.ts';
import { listDeliveriesInput, type DeliveryStatus } from './webhook.schemas.ts';

export interface DeliveryAttemptView {
  at: Date;
  statusCode: number | null;
  latencyMs: number;
  /** The response's first bytes (at most 512). */
  excerpt: string | null;
  error: string | null;
}

export interface DeliveryView {
  id: string;
  endpoint: { id: string; target: string };
  event: { id: string; eventId: string; type: string; tenant: string | null };
  status: DeliveryStatus;
  attempts: DeliveryAttemptView[];
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  target: string;
  event: string;
  event_uuid: string;
  type: string;
  tenant_slug: string | null;
  status: DeliveryStatus;
  next_attempt_at: Date | string;
  delivered_at: Date | string | null;
  created_at: Date | string;
  attempt_log: { at: string; statusCode: number | null; latencyMs: number; excerpt: string | null; error: string | null }[] | string;
}

/** Deliveries, newest first, each with its attempts oldest first: what was sent where, and what came back. Platform operator only. */
export async function listDeliveries(ctx: ServiceContext, input: unknown = {}): Promise<DeliveryView[]> {
  requirePlatform(ctx, 'webhook.deliveries');
  const filter = parseInput(listDeliveriesInput, input);
  const em = ctx.em.fork();
  if (filter.endpoint) await findEndpoint(em, filter.endpoint);
  const conditions = [...(filter.endpoint ? ['d.endpoint_id = ?'] : []), ...(filter.status ? ['d.status = ?'] : [])];
  const rows = await em.execute<DeliveryRow[]>(
    `select d.id::text as id, d.endpoint_id, w.target, e.id::text as event, e.event_id as event_uuid, e.type, e.tenant_slug,
            d.status, d.next_attempt_at, d.delivered_at, d.created_at,
            coalesce((select jsonb_agg(jsonb_build_object('at', a.attempted_at, 'statusCode', a.status_code, 'latencyMs', a.latency_ms,
                                                          'excerpt', a.response_excerpt, 'error', a.error) order by a.id)
                        from tenantry.webhook_attempts a where a.delivery_id = d.id), '[]'::jsonb) as attempt_log
       from tenantry.webhook_deliveries d
       join tenantry.webhook_endpoints w on w.id = d.endpoint_id
       join tenantry.events e on e.id = d.event_id
      ${conditions.length > 0 ? `where ${conditions.join(' and ')}` : ''}
      order by d.id desc limit ?`,
    [...(filter.endpoint ? [filter.endpoint] : []), ...(filter.status ? [filter.status] : []), filter.limit],
  );
  return rows.map((row) => {
    const log = typeof row.attempt_log === 'string' ? (JSON.parse(row.attempt_log) as Exclude<DeliveryRow['attempt_log'], string>) : row.attempt_log;
    return {
      id: row.id,
      endpoint: { id: row.endpoint_id, target: row.target },
      event: { id: row.event, eventId: row.event_uuid, type: row.type, tenant: row.tenant_slug },
      status: row.status,
      attempts: log.map((attempt) => ({ ...attempt, at: new Date(attempt.at) })),
      nextAttemptAt: row.status === 'pending' ? new Date(row.next_attempt_at) : null,
      deliveredAt: row.delivered_at === null ? null : new Date(row.delivered_at),
      createdAt: new Date(row.created_at),
    };
  });
}
