import { Box, Text } from 'ink';
import type { TenantSummaryDto } from '@tenantry/sdk';
import { windowAround, type TenantHealth } from '../tenant-rows.ts';
import { cell, statusText } from './cells.ts';

interface Props {
  rows: readonly TenantSummaryDto[];
  health: ReadonlyMap<string, TenantHealth>;
  cursor: number;
  height: number;
  width: number;
}

const FIXED = { status: 19, plan: 13, users: 9, trial: 6, health: 11 };

/** A windowed table: only the visible rows are rendered, whatever the tenant count. */
export function TenantTable({ rows, health, cursor, height, width }: Props) {
  const flexible = Math.max(20, width - Object.values(FIXED).reduce((sum, value) => sum + value, 0));
  const slugWidth = Math.min(26, Math.max(12, Math.floor(flexible * 0.45)));
  const nameWidth = flexible - slugWidth;
  const { start, end } = windowAround(cursor, rows.length, Math.max(1, height - 1));
  const line = (slug: string, name: string, status: string, plan: string, users: string, trial: string, healthText: string) =>
    cell(slug, slugWidth) + cell(name, nameWidth) + cell(status, FIXED.status) + cell(plan, FIXED.plan) + cell(users, FIXED.users) + cell(trial, FIXED.trial) + cell(healthText, FIXED.health);
  return (
    <Box flexDirection="column" overflow="hidden" height={height}>
      <Box flexShrink={0}>
        <Text bold wrap="truncate">
          {line('SLUG', 'NAME', 'STATUS', 'PLAN', 'USERS', 'TRIAL', 'HEALTH')}
        </Text>
      </Box>
      {rows.slice(start, end).map((tenant, index) => {
        const state = health.get(tenant.slug);
        return (
          <Box key={tenant.id} flexShrink={0}>
            <Text inverse={start + index === cursor} wrap="truncate">
              {line(
                tenant.slug,
                tenant.name,
                statusText(tenant.status),
                tenant.plan,
                `${tenant.usersUsed}/${tenant.maxUsers}`,
                tenant.trialDaysLeft === null ? '-' : `${tenant.trialDaysLeft}d`,
                state ? `${state.symbol} ${state.word}` : '· unknown',
              )}
            </Text>
          </Box>
        );
      })}
    </Box>
  );
}
