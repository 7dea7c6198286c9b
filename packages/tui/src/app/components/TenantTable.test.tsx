import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { TenantSummaryDto } from '@tenantry/sdk';
import { textWidth } from '../../text/text-width.ts';
import { TenantTable } from './TenantTable.tsx';

const tenant = (slug: string, name: string): TenantSummaryDto => ({
  id: slug,
  slug,
  name,
  status: 'active',
  plan: 'basic',
  isolation: 'shared',
  usersUsed: 1,
  maxUsers: 10,
  trialEndsAt: null,
  trialDaysLeft: null,
  createdAt: '2026-11-01T00:00:00.000Z',
});

const rows = [
  tenant('northwind-traders-europe', 'Northwind Traders Europe GmbH'),
  tenant('northwind-traders-asia', '東京ノースウィンド株式会社'),
  tenant('northwind-party', 'Party 🎉 Northwind'),
];

describe('TenantTable', () => {
  it('at 80 columns keeps every slug whole, cuts the name first, and keeps columns aligned with CJK and emoji', () => {
    const { lastFrame, unmount } = render(<TenantTable rows={rows} health={new Map()} cursor={0} height={5} width={80} />);
    const lines = (lastFrame() ?? '').split('\n').filter((line) => line.trim() !== '');
    unmount();
    for (const row of rows) expect(lines.some((line) => line.startsWith(`${row.slug} `))).toBe(true);
    expect(lines.every((line) => textWidth(line) <= 80)).toBe(true);
    const statusColumns = new Set(lines.slice(1).map((line) => textWidth(line.slice(0, line.indexOf('✓ active')))));
    expect(statusColumns.size).toBe(1);
    expect(lines[1]).toContain('Northwind Trad…');
  });
});
