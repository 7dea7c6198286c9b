import { describe, expect, it } from 'vitest';
import type { DoctorReportDto, FindingDto } from '@tenantry/sdk';
import { healthBySlug } from './health-view.ts';

const tenant = (slug: string, createdAt = '2026-12-01T09:00:00.000Z') => ({ slug, createdAt });

const finding = (slug: string, severity: FindingDto['severity']) =>
  ({ code: 'USAGE_NEAR_LIMIT', severity, tenant: { id: slug, slug }, fingerprint: `${slug}-${severity}` }) as FindingDto;

const report = (findings: FindingDto[], tenantScope: string | null = null): DoctorReportDto => ({
  checkedAt: '2026-12-01T10:00:00.000Z',
  tenant: tenantScope,
  checks: 12,
  findings,
  summary: { error: 0, warn: 0, info: 0 },
});

const words = (map: ReadonlyMap<string, { symbol: string; word: string }>) =>
  Object.fromEntries([...map].map(([slug, health]) => [slug, `${health.symbol} ${health.word}`]));

describe('healthBySlug', () => {
  const tenants = [tenant('acme'), tenant('globex'), tenant('initech')];

  it('says every tenant is being checked while the first report loads, and that the check failed when it did', () => {
    expect(words(healthBySlug({ data: undefined, loading: true, error: undefined }, tenants))).toEqual({
      acme: '… checking',
      globex: '… checking',
      initech: '… checking',
    });
    expect(words(healthBySlug({ data: undefined, loading: false, error: new Error('gone') }, tenants))).toEqual({
      acme: '? check failed',
      globex: '? check failed',
      initech: '? check failed',
    });
  });

  it('takes each tenant’s worst finding from the report', () => {
    const data = report([finding('globex', 'warn'), finding('initech', 'info'), finding('globex', 'error')]);
    expect(words(healthBySlug({ data, loading: false, error: undefined }, tenants))).toEqual({
      acme: '✓ healthy',
      globex: '✗ failing',
      initech: '✓ healthy',
    });
  });

  it('calls a tenant the report does not cover unknown, or checking while the next report loads', () => {
    const later = [...tenants, tenant('newco', '2026-12-01T10:05:00.000Z')];
    const data = report([finding('globex', 'warn')]);
    expect(words(healthBySlug({ data, loading: false, error: undefined }, later))).toMatchObject({ acme: '✓ healthy', newco: '· unknown' });
    expect(words(healthBySlug({ data, loading: true, error: undefined }, later))).toMatchObject({ globex: '! warning', newco: '… checking' });
    const scoped = report([], 'acme');
    expect(words(healthBySlug({ data: scoped, loading: false, error: undefined }, tenants))).toEqual({
      acme: '✓ healthy',
      globex: '· unknown',
      initech: '· unknown',
    });
  });
});
