import { PLAN_CODES, type TenantSummaryDto } from '@tenantry/sdk';
import type { SortKey } from './state/types.ts';

export interface TenantHealth {
  symbol: string;
  word: string;
  /** 0 healthy, 1 warning, 2 failing; -1 when the report says nothing of the tenant: for sorting. */
  rank: number;
  /** False while the report loads, when it does not cover the tenant, or when it failed: drawn dim. */
  known: boolean;
}

/** Rows matching the filter (slug or name contains it, any case), in the chosen order. */
export function visibleTenants(
  items: readonly TenantSummaryDto[],
  filter: string,
  sort: SortKey,
  descending: boolean,
  health: ReadonlyMap<string, TenantHealth>,
): TenantSummaryDto[] {
  const needle = filter.trim().toLowerCase();
  const matching = needle ? items.filter((tenant) => tenant.slug.includes(needle) || tenant.name.toLowerCase().includes(needle)) : [...items];
  const compare = comparator(sort, health);
  return matching.sort(descending ? (a, b) => compare(b, a) : compare);
}

const bySlug = (a: TenantSummaryDto, b: TenantSummaryDto) => a.slug.localeCompare(b.slug);

function comparator(sort: SortKey, health: ReadonlyMap<string, TenantHealth>): (a: TenantSummaryDto, b: TenantSummaryDto) => number {
  switch (sort) {
    case 'slug':
      return bySlug;
    case 'name':
      return (a, b) => a.name.localeCompare(b.name) || bySlug(a, b);
    case 'status':
      return (a, b) => a.status.localeCompare(b.status) || bySlug(a, b);
    case 'plan':
      // By tier (basic, professional, enterprise), not alphabetically.
      return (a, b) => PLAN_CODES.indexOf(a.plan) - PLAN_CODES.indexOf(b.plan) || bySlug(a, b);
    case 'users':
      return (a, b) => b.usersUsed / b.maxUsers - a.usersUsed / a.maxUsers || bySlug(a, b);
    case 'trial':
      return (a, b) => (a.trialDaysLeft ?? Infinity) - (b.trialDaysLeft ?? Infinity) || bySlug(a, b);
    case 'health':
      return (a, b) => (health.get(b.slug)?.rank ?? -1) - (health.get(a.slug)?.rank ?? -1) || bySlug(a, b);
  }
}

/** The slice of rows to draw so the cursor stays visible: only these are rendered. */
export function windowAround(cursor: number, total: number, height: number): { start: number; end: number } {
  if (total <= height) return { start: 0, end: total };
  const start = Math.min(Math.max(0, cursor - Math.floor(height / 2)), total - height);
  return { start, end: start + height };
}
