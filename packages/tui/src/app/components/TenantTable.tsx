import { useMemo } from 'react';
import { Box, Text } from 'ink';
import type { TenantSummaryDto } from '@tenantry/sdk';
import { fitColumns, type ColumnFit } from '../../text/fit-columns.ts';
import { textWidth } from '../../text/text-width.ts';
import { CHECKING, UNKNOWN } from '../health-view.ts';
import { windowAround, type TenantHealth } from '../tenant-rows.ts';
import { cell, healthText, statusText } from './cells.ts';

interface Props {
  rows: readonly TenantSummaryDto[];
  health: ReadonlyMap<string, TenantHealth>;
  cursor: number;
  height: number;
  width: number;
}

const HEADERS = ['SLUG', 'NAME', 'STATUS', 'PLAN', 'USERS', 'TRIAL', 'HEALTH'] as const;
/** Each width includes the one space before the next column. The slug is never cut; the name gives way first, then trial, plan and users drop. */
const FIXED: Omit<ColumnFit, 'natural'>[] = [{}, { shrink: true, min: 9 }, {}, { dropOrder: 2 }, { dropOrder: 3 }, { dropOrder: 1 }, {}];
const FIXED_WIDTHS = [0, 0, 19, 13, 9, 6];

/** A windowed table: only the visible rows are rendered, whatever the tenant count. */
export function TenantTable({ rows, health, cursor, height, width }: Props) {
  // Measured over every row, not the window, so columns do not jump while scrolling.
  const naturals = useMemo(
    () => [
      Math.max(textWidth('SLUG'), ...rows.map((tenant) => textWidth(tenant.slug))) + 1,
      Math.max(textWidth('NAME'), ...rows.map((tenant) => textWidth(tenant.name))) + 1,
      ...FIXED_WIDTHS.slice(2),
      // At least as wide as "✓ healthy" and "… checking", so the column keeps its place once the report is in.
      Math.max(textWidth(healthText(CHECKING)), ...rows.map((tenant) => textWidth(healthText(health.get(tenant.slug) ?? UNKNOWN)))) + 1,
    ],
    [rows, health],
  );
  const widths = fitColumns(
    FIXED.map((fit, index) => ({ ...fit, natural: naturals[index] ?? 0 })),
    width,
    0,
  );
  // Room to spare goes to the name, so the table spans the screen.
  const spare = width - widths.reduce<number>((sum, value) => sum + (value ?? 0), 0);
  if (spare > 0 && widths[1]) widths[1] += spare;
  const { start, end } = windowAround(cursor, rows.length, Math.max(1, height - 1));
  const line = (cells: readonly string[]) => cells.map((text, index) => (widths[index] ? cell(text, widths[index]) : '')).join('');
  return (
    <Box flexDirection="column" overflow="hidden" height={height}>
      <Box flexShrink={0}>
        <Text bold wrap="truncate">
          {line(HEADERS)}
        </Text>
      </Box>
      {rows.slice(start, end).map((tenant, index) => {
        const state = health.get(tenant.slug) ?? UNKNOWN;
        return (
          <Box key={tenant.id} flexShrink={0}>
            <Text inverse={start + index === cursor} wrap="truncate">
              {line([
                tenant.slug,
                tenant.name,
                statusText(tenant.status),
                tenant.plan,
                `${tenant.usersUsed}/${tenant.maxUsers}`,
                tenant.trialDaysLeft === null ? '-' : `${tenant.trialDaysLeft}d`,
              ])}
              <Text dimColor={!state.known}>{widths[6] ? cell(healthText(state), widths[6]) : ''}</Text>
            </Text>
          </Box>
        );
      })}
    </Box>
  );
}
