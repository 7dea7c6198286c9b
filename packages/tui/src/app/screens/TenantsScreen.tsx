import { Box, Text } from 'ink';
import type { TenantSummaryDto } from '@tenantry/sdk';
import { TenantTable } from '../components/TenantTable.tsx';
import type { TenantsView } from '../state/types.ts';
import type { TenantHealth } from '../tenant-rows.ts';

interface Props {
  view: TenantsView;
  rows: readonly TenantSummaryDto[];
  health: ReadonlyMap<string, TenantHealth>;
  loading: boolean;
  height: number;
  width: number;
}

export function TenantsScreen({ view, rows, health, loading, height, width }: Props) {
  const filterLine = view.filtering ? `/${view.filter}█` : view.filter ? `filter: ${view.filter} (esc clears)` : '';
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Box flexShrink={0}>
        <Text bold>Tenants</Text>
        <Text dimColor>
          {' '}
          sorted by {view.sort}
          {view.descending ? ' (descending)' : ''} · {rows.length} shown
        </Text>
        {filterLine ? <Text color="yellow"> {filterLine}</Text> : null}
      </Box>
      {rows.length === 0 && !loading ? (
        <Text dimColor>{view.filter ? 'No tenant matches the filter.' : 'No tenants yet: press n to provision one.'}</Text>
      ) : (
        <TenantTable rows={rows} health={health} cursor={Math.min(view.cursor, Math.max(0, rows.length - 1))} height={height - 1} width={width} />
      )}
    </Box>
  );
}
