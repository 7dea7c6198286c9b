import type { DoctorReportDto, FindingDto, Severity, TenantSummaryDto } from '@tenantry/sdk';
import type { AsyncState } from './hooks/use-async.ts';
import type { Selection } from './state/types.ts';
import type { TenantHealth } from './tenant-rows.ts';

const HEALTH: Record<Severity | 'none', TenantHealth> = {
  none: { symbol: '✓', word: 'healthy', rank: 0, known: true },
  info: { symbol: '✓', word: 'healthy', rank: 0, known: true },
  warn: { symbol: '!', word: 'warning', rank: 1, known: true },
  error: { symbol: '✗', word: 'failing', rank: 2, known: true },
};

export const CHECKING: TenantHealth = { symbol: '…', word: 'checking', rank: -1, known: false };
export const UNKNOWN: TenantHealth = { symbol: '·', word: 'unknown', rank: -1, known: false };
export const CHECK_FAILED: TenantHealth = { symbol: '?', word: 'check failed', rank: -1, known: false };

export type HealthReport = Pick<AsyncState<DoctorReportDto>, 'data' | 'loading' | 'error'>;

/**
 * Each tenant's health from its worst finding: symbol and word, never colour alone. A tenant the report
 * does not cover (there is none yet, it was made after the checks ran, or the report is another
 * tenant's) is `checking` while a report loads, `check failed` when the last one failed, else `unknown`.
 */
export function healthBySlug(report: HealthReport, tenants: readonly Pick<TenantSummaryDto, 'slug' | 'createdAt'>[]): ReadonlyMap<string, TenantHealth> {
  const map = new Map<string, TenantHealth>();
  const data = report.data;
  const uncovered = report.loading ? CHECKING : report.error ? CHECK_FAILED : UNKNOWN;
  for (const tenant of tenants) map.set(tenant.slug, data && covers(data, tenant) ? HEALTH.none : uncovered);
  for (const finding of data?.findings ?? []) {
    if (!finding.tenant) continue;
    const current = map.get(finding.tenant.slug);
    const candidate = HEALTH[finding.severity];
    // A finding on a tenant proves the report covered it, whatever the clocks say.
    if (!current?.known || candidate.rank > current.rank) map.set(finding.tenant.slug, candidate);
  }
  return map;
}

function covers(report: DoctorReportDto, tenant: Pick<TenantSummaryDto, 'slug' | 'createdAt'>): boolean {
  if (report.tenant !== null && report.tenant !== tenant.slug) return false;
  return Date.parse(tenant.createdAt) <= Date.parse(report.checkedAt);
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warn', 'info'];

/** Findings in display order (errors, then warnings, then info), as selectable rows. */
export function findingSelections(report: DoctorReportDto | undefined): Selection[] {
  const findings = [...(report?.findings ?? [])].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  return findings.map((finding: FindingDto) => ({
    kind: 'finding',
    id: finding.fingerprint,
    label: `${finding.code} ${finding.tenant?.slug ?? finding.subject ?? ''}`.trim(),
    facts: { finding },
  }));
}
