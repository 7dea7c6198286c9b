import { Box, Text } from 'ink';

interface Props {
  /** The keys that act here, already chosen for the focus (see footer-hints.ts). */
  hints: readonly string[];
  target: string;
  tenantCount: number | undefined;
  loadedAt: Date | undefined;
  loading: boolean;
  readonly: boolean;
}

/** Database target, tenant count, last refresh, and the key hints of the current screen. */
export function StatusBar({ hints, target, tenantCount, loadedAt, loading, readonly }: Props) {
  const refreshed = loading ? 'loading…' : loadedAt ? `refreshed ${loadedAt.toISOString().slice(11, 19)}` : '';
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Text wrap="truncate" dimColor>
        {target} · {tenantCount ?? '?'} tenants · {refreshed}
        {readonly ? ' · READ-ONLY' : ''}
      </Text>
      <Text wrap="truncate" color="cyan">
        {hints.join('  ')}
      </Text>
    </Box>
  );
}
