import type { SqlEntityManager } from '@mikro-orm/sql';
import { z } from 'zod';
import { TenantryError } from '../../errors.ts';
import { boundedInteger } from '../../validation/fields.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { tenantDomains } from '../domains/domain-queries.ts';
import type { DomainView } from '../domains/domain-view.ts';
import type { PlanCode, Limits } from '../plans/catalog.ts';
import { membersOf, type MemberView } from '../memberships/member-queries.ts';
import { usageReport, type UsageReport } from '../plans/usage-report.ts';
import { usersCountSql } from '../plans/usage.ts';
import { slugCandidates, slugProblem } from './slug.ts';
import { Tenant } from './tenant.entity.ts';
import { listTenantsInput, type IsolationMode, type TenantStatus } from './tenant.schemas.ts';

const suggestCountInput = z.object({ count: boundedInteger(1, 20) });

export interface TenantDetails {
  tenant: Tenant;
  domains: DomainView[];
  members: MemberView[];
  usage: UsageReport;
}

export async function findTenant(em: SqlEntityManager, slug: string): Promise<Tenant> {
  const tenant = await em.findOne(Tenant, { slug });
  if (!tenant) throw TenantryError.tenantNotFound(slug);
  return tenant;
}

/** A tenant with its domains, members and usage of every limit, read in one transaction. */
export async function getTenantDetails(em: SqlEntityManager, slug: string, now: Date): Promise<TenantDetails> {
  return em.transactional(async (tx) => {
    const tenant = await findTenant(tx, slug);
    const [domains, members, usage] = await Promise.all([
      tenantDomains(tx, tenant),
      membersOf(tx, tenant.id),
      usageReport(tx, tenant, now, tenant.status !== 'deleted' && tenant.status !== 'provisioning'),
    ]);
    return { tenant, domains, members, usage };
  });
}

export interface TenantSummary {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  plan: PlanCode;
  isolation: IsolationMode;
  limits: Limits;
  usersUsed: number;
  trialEndsAt: Date | null;
  createdAt: Date;
}

export interface TenantPage {
  items: TenantSummary[];
  /** Every tenant the filters match, on all pages. */
  total: number;
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** One page of tenants by slug, with member counts, from one query; paged by offset or by a slug cursor. */
export async function listTenants(em: SqlEntityManager, now: Date, input: unknown = {}): Promise<TenantPage> {
  const filter = parseInput(listTenantsInput, input);
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter.status) {
    conditions.push('t.status = ?');
    params.push(filter.status);
  } else {
    // Purged tenants are tombstones: listed only when asked for by status.
    conditions.push("t.status <> 'deleted'");
  }
  if (filter.plan) {
    conditions.push('t.plan = ?');
    params.push(filter.plan);
  }
  if (filter.search) {
    conditions.push("(t.slug ilike ? escape '\\' or t.name ilike ? escape '\\')");
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(pattern, pattern);
  }
  const where = conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
  const pageWhere = filter.cursor === undefined ? where : `${where ? `${where} and` : 'where'} t.slug > ?`;
  const pageParams = filter.cursor === undefined ? params : [...params, filter.cursor];
  const [rows, [count]] = await Promise.all([
    // One row past the page tells whether another page follows.
    em.execute<SummaryRow[]>(
      `select t.id, t.slug, t.name, t.status, t.plan, t.isolation, t.limits, t.trial_ends_at, t.created_at,
              ${usersCountSql('t.id')} as users_used
         from tenantry.tenants t ${pageWhere}
        order by t.slug
        limit ? offset ?`,
      [now, ...pageParams, filter.limit + 1, filter.offset],
    ),
    em.execute<{ total: number }[]>(`select count(*)::int as total from tenantry.tenants t ${where}`, params),
  ]);
  const items = rows.slice(0, filter.limit).map(toSummary);
  const nextCursor = rows.length > filter.limit ? (items.at(-1)?.slug ?? null) : null;
  return { items, total: count?.total ?? 0, nextCursor };
}

interface SummaryRow {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  plan: PlanCode;
  isolation: IsolationMode;
  limits: Limits;
  trial_ends_at: Date | string | null;
  created_at: Date | string;
  users_used: number;
}

function toSummary(row: SummaryRow): TenantSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    status: row.status,
    plan: row.plan,
    isolation: row.isolation,
    limits: row.limits,
    usersUsed: row.users_used,
    trialEndsAt: row.trial_ends_at === null ? null : new Date(row.trial_ends_at),
    createdAt: new Date(row.created_at),
  };
}

export interface SlugCheck {
  slug: string;
  available: boolean;
  reason?: string;
}

export async function checkSlug(em: SqlEntityManager, slug: string): Promise<SlugCheck> {
  const problem = slugProblem(slug);
  if (problem) return { slug, available: false, reason: `invalid: ${problem}` };
  const taken = await em.findOne(Tenant, { slug }, { fields: ['id', 'name'] });
  return taken ? { slug, available: false, reason: `taken by tenant "${taken.name}"` } : { slug, available: true };
}

/** Free slugs for a name, best first, checked with one query. */
/** Free slugs for a name, best first: `count` of them at most (1-20). */
export async function suggestSlugs(em: SqlEntityManager, name: string, count = 5): Promise<string[]> {
  parseInput(suggestCountInput, { count });
  const candidates = slugCandidates(name);
  if (candidates.length === 0) return [];
  const taken = await em.find(Tenant, { slug: { $in: candidates } }, { fields: ['slug'] });
  const takenSlugs = new Set(taken.map((tenant) => tenant.slug));
  return candidates.filter((candidate) => !takenSlugs.has(candidate)).slice(0, count);
}
