import { Box, Text } from 'ink';
import { cell, usageBar } from '../components/cells.ts';
import type { TabProps } from './tab-props.ts';

/** Where the tenant's data lives, which blueprint migrations it has, and what it holds against its limits. */
export function DataSpaceTab({ data, width }: TabProps) {
  const space = data.dataSpace;
  if (!space) return <Text dimColor>{data.loading ? 'Loading the data space…' : 'No data space information.'}</Text>;
  const pending = space.migrations.filter((migration) => migration.appliedAt === null).length;
  const drifted = space.migrations.filter((migration) => migration.checksumMatches === false).length;
  const bar = (used: number | null, limit: number, unit = '') => (used === null ? 'not tracked by this blueprint' : `${usageBar(used, limit)}${unit}`);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        {space.isolation === 'schema' ? `Schema ${space.schema}` : `Shared tables in ${space.schema} (row-level security)`}
        {space.schemaExists ? '' : '  ✗ missing'} · blueprint {space.blueprint} · {pending === 0 ? '✓ up to date' : `! ${pending} pending`}
        {drifted > 0 ? ` · ✗ ${drifted} changed since applied` : ''}
      </Text>
      <Text wrap="truncate">{`${'Users'.padEnd(9)}${bar(space.usage.users, space.limits.maxUsers)}`}</Text>
      <Text wrap="truncate">{`${'Assets'.padEnd(9)}${bar(space.usage.assets, space.limits.maxAssets)}`}</Text>
      <Text wrap="truncate">{`${'Devices'.padEnd(9)}${bar(space.usage.devices, space.limits.maxDevices)}`}</Text>
      <Text wrap="truncate">{`${'Storage'.padEnd(9)}${bar(space.usage.storageGb === null ? null : Math.round(space.usage.storageGb * 100) / 100, space.limits.storageQuotaGb, ' GB')}`}</Text>
      <Text bold>{cell('MIGRATION', 22) + cell('APPLIED (UTC)', 20) + 'DESCRIPTION'}</Text>
      {space.migrations.map((migration) => (
        <Box key={migration.id} flexShrink={0} width={width}>
          <Text wrap="truncate">
            {cell(migration.id, 22) +
              cell(
                migration.appliedAt ? `${migration.appliedAt.slice(0, 16).replace('T', ' ')}${migration.checksumMatches === false ? ' ✗' : ''}` : '○ pending',
                20,
              ) +
              migration.description}
          </Text>
        </Box>
      ))}
      {space.unknown.length > 0 ? <Text color="yellow">Applied by a newer program: {space.unknown.join(', ')}</Text> : null}
    </Box>
  );
}
