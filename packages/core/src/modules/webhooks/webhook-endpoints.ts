import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import { TenantryError } from '../../errors.ts';
import { requirePlatform } from '../permissions/authorize.ts';
import type { WebhookKind } from './webhook.schemas.ts';

export type WebhookStatus = 'enabled' | 'disabled';

export interface WebhookEndpointRow {
  id: string;
  kind: WebhookKind;
  target: string;
  sealed_url: string | null;
  sealed_secret: string | null;
  event_types: string;
  tenant_id: string | null;
  tenant_slug: string | null;
  description: string | null;
  cursor: string;
  status: WebhookStatus;
  disabled_at: Date | string | null;
  disabled_reason: string | null;
  created_at: Date | string;
  created_by: string;
}

/** A subscription as shown: never its secret (nor a Slack URL's secret path). */
export interface WebhookEndpointView {
  id: string;
  kind: WebhookKind;
  /** What may be shown of the URL (its query, and a Slack URL's path, masked) or the email address. */
  target: string;
  events: string;
  tenant: { id: string; slug: string } | null;
  description: string | null;
  status: WebhookStatus;
  disabledAt: Date | null;
  disabledReason: string | null;
  createdAt: Date;
  createdBy: string;
  deliveries: { pending: number; delivered: number; failed: number };
  lastAttempt: { at: Date; statusCode: number | null; error: string | null } | null;
}

const ENDPOINT_COLUMNS = `w.id, w.kind, w.target, w.sealed_url, w.sealed_secret, w.event_types, w.tenant_id, t.slug as tenant_slug, w.description,
  w.cursor::text as cursor, w.status, w.disabled_at, w.disabled_reason, w.created_at, w.created_by`;

export async function findEndpoint(em: SqlEntityManager, id: string, lock = false): Promise<WebhookEndpointRow> {
  const [row] = await em.execute<WebhookEndpointRow[]>(
    `select ${ENDPOINT_COLUMNS} from tenantry.webhook_endpoints w left join tenantry.tenants t on t.id = w.tenant_id
      where w.id = ?${lock ? ' for update of w' : ''}`,
    [id],
  );
  if (!row) throw webhookNotFound(id);
  return row;
}

export async function enabledEndpoints(em: SqlEntityManager): Promise<WebhookEndpointRow[]> {
  return em.execute<WebhookEndpointRow[]>(
    `select ${ENDPOINT_COLUMNS} from tenantry.webhook_endpoints w left join tenantry.tenants t on t.id = w.tenant_id
      where w.status = 'enabled' order by w.created_at, w.id`,
  );
}

/** Every subscription, oldest first, with its delivery counts and last attempt. Platform operator only. */
export async function listWebhooks(ctx: ServiceContext): Promise<WebhookEndpointView[]> {
  requirePlatform(ctx, 'webhook.list');
  const em = ctx.em.fork();
  const rows = await em.execute<(WebhookEndpointRow & StatsRow)[]>(
    `select ${ENDPOINT_COLUMNS},
            (select count(*) from tenantry.webhook_deliveries d where d.endpoint_id = w.id and d.status = 'pending')::int as pending,
            (select count(*) from tenantry.webhook_deliveries d where d.endpoint_id = w.id and d.status = 'delivered')::int as delivered,
            (select count(*) from tenantry.webhook_deliveries d where d.endpoint_id = w.id and d.status = 'failed')::int as failed,
            last.attempted_at as last_attempted_at, last.status_code as last_status_code, last.error as last_error
       from tenantry.webhook_endpoints w
       left join tenantry.tenants t on t.id = w.tenant_id
       left join lateral (
         select a.attempted_at, a.status_code, a.error from tenantry.webhook_attempts a
           join tenantry.webhook_deliveries d on d.id = a.delivery_id
          where d.endpoint_id = w.id order by a.id desc limit 1
       ) last on true
      order by w.created_at, w.id`,
  );
  return rows.map((row) => toWebhookView(row, row));
}

interface StatsRow {
  pending: number;
  delivered: number;
  failed: number;
  last_attempted_at: Date | string | null;
  last_status_code: number | null;
  last_error: string | null;
}

const NO_STATS: StatsRow = { pending: 0, delivered: 0, failed: 0, last_attempted_at: null, last_status_code: null, last_error: null };

export function toWebhookView(row: WebhookEndpointRow, stats: StatsRow = NO_STATS): WebhookEndpointView {
  return {
    id: row.id,
    kind: row.kind,
    target: row.target,
    events: row.event_types,
    tenant: row.tenant_id === null ? null : { id: row.tenant_id, slug: row.tenant_slug ?? '' },
    description: row.description,
    status: row.status,
    disabledAt: row.disabled_at === null ? null : new Date(row.disabled_at),
    disabledReason: row.disabled_reason,
    createdAt: new Date(row.created_at),
    createdBy: row.created_by,
    deliveries: { pending: Number(stats.pending), delivered: Number(stats.delivered), failed: Number(stats.failed) },
    lastAttempt:
      stats.last_attempted_at === null ? null : { at: new Date(stats.last_attempted_at), statusCode: stats.last_status_code, error: stats.last_error },
  };
}

/**
 * What a subscription is shown as: its origin and path, the query masked (it often holds a token); a Slack
 * URL's path is its secret, so only its first segments are kept. The URL itself is stored sealed.
 */
export function displayTarget(kind: WebhookKind, url: string): string {
  const parsed = new URL(url);
  if (kind === 'slack') {
    const first = parsed.pathname.split('/').filter(Boolean).slice(0, 2).join('/');
    return `${parsed.origin}/${first}/…`;
  }
  return `${parsed.origin}${parsed.pathname}${parsed.search ? '?…' : ''}`;
}

export function webhookNotFound(id: string): TenantryError {
  return new TenantryError('WEBHOOK_NOT_FOUND', {
    message: `No webhook subscription has the id ${id}.`,
    details: { id },
    hint: 'List the subscriptions with `tenantry webhook list`.',
  });
}
