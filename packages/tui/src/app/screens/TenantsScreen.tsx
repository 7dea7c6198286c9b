import { Box, Text } from 'ink';
import type { TenantSummaryDto } from '@tenantry/sdk';
import { textWidth } from '../../text/text-width.ts';
import { TenantTable } from '../components/TenantTable.tsx';
import { TextField } from '../components/TextField.tsx';
import { textAt } from '../state/text.ts';
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
  const heading = ` sorted by ${view.sort}${view.descending ? ' (descending)' : ''} · ${rows.length} shown`;
  const filterWidth = Math.max(8, width - textWidth(`Tenants${heading}  /`));
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Box flexShrink={0} width={width}>
        <Text wrap="truncate">
          <Text bold>Tenants</Text>
          <Text dimColor>{heading}</Text>
          {view.filtering ? (
            <Text color="yellow">
              {' /'}
              <TextField input={textAt(view.filter, view.filterCursor)} width={filterWidth} focused />
            </Text>
          ) : view.filter ? (
            <Text color="yellow"> filter: {view.filter} (esc clears)</Text>
          ) : null}
        </Text>
      </Box>
      {rows.length === 0 && !loading ? (
        <Text dimColor>{view.filter ? 'No tenant matches the filter.' : 'No tenants yet: press n to provision one.'}</Text>
      ) : (
        <TenantTable rows={rows} health={health} cursor={Math.min(view.cursor, Math.max(0, rows.length - 1))} height={height - 1} width={width} />
      )}
    </Box>
  );
}
