import { z } from 'zod';
import type { ServiceContext } from '../../context.ts';
import { TenantryError } from '../../errors.ts';
import { boundedInteger } from '../../validation/fields.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { requirePlatform } from '../permissions/authorize.ts';
import { inTenantScope } from '../permissions/tenant-scope.ts';
import type { ActorType, Face } from './audit-event.entity.ts';

const RELATIVE = /^(\d{1,6})(m|h|d)$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

const instant = z
  .string()
  .trim()
  .refine(
    (value) => RELATIVE.test(value) || !Number.isNaN(Date.parse(value)),
    'must be an ISO 8601 time (2026-11-01, 2026-11-01T12:00Z) or a duration ago (30m, 24h, 7d)',
  );

export const listAuditInput = z.strictObject({
  tenant: z.string().trim().min(1).optional(),
  action: z
    .string()
    .trim()
    .regex(/^([a-z_]+(\.[a-z_]+)*(\.\*)?|\*)$/, 'must be an action such as invitation.sent, or a prefix such as invitation.*')
    .optional(),
  since: instant.optional(),
  until: instant.optional(),
  correlationId: z.uuid('must be a UUID').optional(),
  limit: boundedInteger(1, 10_000).default(50),
});
export type ListAuditInput = z.input<typeof listAuditInput>;

export interface AuditEventView {
  id: string;
  occurredAt: Date;
  correlationId: string;
  actor: { type: ActorType; id: string | null; label: string };
  /** The face the operation came through; null for events written before faces were recorded. */
  face: Face | null;
  action: string;
  tenantId: string | null;
  tenantSlug: string | null;
  targetType: string;
  targetId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * The audit trail, newest first. With a tenant, its members whose roles allow `audit.list` may read
 * it; the whole trail is the platform operator's. A purged tenant's trail stays readable.
 */
export async function listAuditEvents(ctx: ServiceContext, input: unknown = {}): Promise<AuditEventView[]> {
  const filter = parseInput(listAuditInput, input);
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter.tenant !== undefined) {
    const tenantId = await inTenantScope(ctx, filter.tenant, 'audit.list', async ({ tenant }) => tenant.id);
    conditions.push('tenant_id = ?');
    params.push(tenantId);
  } else {
    requirePlatform(ctx, 'audit.list');
  }
  if (filter.action !== undefined && filter.action !== '*') {
    if (filter.action.endsWith('.*')) {
      conditions.push('action like ?');
      params.push(`${filter.action.slice(0, -1)}%`);
    } else {
      conditions.push('action = ?');
      params.push(filter.action);
    }
  }
  const since = filter.since === undefined ? undefined : toInstant(filter.since, ctx.now(), 'since');
  const until = filter.until === undefined ? undefined : toInstant(filter.until, ctx.now(), 'until');
  if (since) {
    conditions.push('occurred_at >= ?');
    params.push(since);
  }
  if (until) {
    conditions.push('occurred_at < ?');
    params.push(until);
  }
  if (filter.correlationId !== undefined) {
    conditions.push('correlation_id = ?');
    params.push(filter.correlationId);
  }
  const where = conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
  const rows = await ctx.em.fork().execute<AuditRow[]>(
    `select id::text as id, occurred_at, correlation_id, actor_type, actor_id, actor_label, face, action, tenant_id, tenant_slug,
            target_type, target_id, before, after
       from tenantry.audit_events ${where}
      order by audit_events.id desc
      limit ?`,
    [...params, filter.limit],
  );
  return rows.map(toView);
}

function toInstant(value: string, now: Date, field: string): Date {
  const relative = RELATIVE.exec(value);
  if (relative) return new Date(now.getTime() - Number(relative[1]) * UNIT_MS[relative[2] as keyof typeof UNIT_MS]);
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw TenantryError.invalidInput([{ path: field, message: 'must be an ISO 8601 time or a duration ago' }]);
  return parsed;
}

interface AuditRow {
  id: string;
  occurred_at: Date | string;
  correlation_id: string;
  actor_type: ActorType;
  actor_id: string | null;
  actor_label: string;
  face: Face | null;
  action: string;
  tenant_id: string | null;
  tenant_slug: string | null;
  target_type: string;
  target_id: string | null;
  before: Record<string, unknown> | string | null;
  after: Record<string, unknown> | string | null;
}

function toView(row: AuditRow): AuditEventView {
  return {
    id: row.id,
    occurredAt: new Date(row.occurred_at),
    correlationId: row.correlation_id,
    actor: { type: row.actor_type, id: row.actor_id, label: row.actor_label },
    face: row.face,
    action: row.action,
    tenantId: row.tenant_id,
    tenantSlug: row.tenant_slug,
    targetType: row.target_type,
    targetId: row.target_id,
    before: parseJson(row.before),
    after: parseJson(row.after),
  };
}

function parseJson(value: Record<string, unknown> | string | null): Record<string, unknown> | null {
  if (value === null) return null;
  return typeof value === 'string' ? (JSON.parse(value) as Record<string, unknown>) : value;
}
