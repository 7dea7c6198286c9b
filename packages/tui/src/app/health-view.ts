import type { DoctorReportDto, FindingDto, Severity } from '@tenantry/sdk';
import type { Selection } from './state/types.ts';
import type { TenantHealth } from './tenant-rows.ts';

const HEALTH: Record<Severity | 'none', TenantHealth> = {
  none: { symbol: '✓', word: 'healthy', rank: 0 },
  info: { symbol: '✓', word: 'healthy', rank: 0 },
  warn: { symbol: '!', word: 'warning', rank: 1 },
  error: { symbol: '✗', word: 'failing', rank: 2 },
};

/** Each tenant's health from its worst finding: symbol and word, never colour alone. */
export function healthBySlug(report: DoctorReportDto | undefined, slugs: readonly string[]): ReadonlyMap<string, TenantHealth> {
  const map = new Map<string, TenantHealth>();
  if (!report) return map;
  for (const slug of slugs) map.set(slug, HEALTH.none);
  for (const finding of report.findings) {
    if (!finding.tenant) continue;
    const current = map.get(finding.tenant.slug) ?? HEALTH.none;
    const candidate = HEALTH[finding.severity];
    if (candidate.rank > current.rank) map.set(finding.tenant.slug, candidate);
  }
  return map;
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
