import { Box, Text } from 'ink';
import { cell } from '../components/cells.ts';
import { windowAround } from '../tenant-rows.ts';
import type { TabProps } from './tab-props.ts';

export function ApiKeysTab({ data, cursor, height, width }: TabProps) {
  const keys = data.apiKeys ?? [];
  if (data.loading && keys.length === 0) return <Text dimColor>Loading API keys…</Text>;
  const nameWidth = Math.max(16, Math.floor(width * 0.22));
  const { start, end } = windowAround(cursor, keys.length, Math.max(1, height - 2));
  return (
    <Box flexDirection="column">
      <Text bold>{cell('PREFIX', 14) + cell('NAME', nameWidth) + cell('STATUS', 10) + cell('EXPIRES', 12) + cell('LAST USED', 12) + 'SCOPES'}</Text>
      {keys.length === 0 ? <Text dimColor>No API keys: press c to create one.</Text> : null}
      {keys.slice(start, end).map((key, offset) => (
        <Box key={key.id} flexShrink={0}>
          <Text inverse={start + offset === cursor} wrap="truncate">
            {cell(key.prefix, 14) +
              cell(key.name, nameWidth) +
              cell(key.status, 10) +
              cell(key.expiresAt?.slice(0, 10) ?? 'never', 12) +
              cell(key.lastUsedAt?.slice(0, 10) ?? '-', 12)}
            {key.scopes.join(' ')}
          </Text>
        </Box>
      ))}
      <Text dimColor>c create (shown once) · r rotate · x revoke the selected key</Text>
    </Box>
  );
}
