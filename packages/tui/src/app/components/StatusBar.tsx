import { Box, Text } from 'ink';
import { bindingsFor, keyLabel, type Scope } from '../keymap.ts';

interface Props {
  scopes: readonly Scope[];
  target: string;
  tenantCount: number | undefined;
  loadedAt: Date | undefined;
  loading: boolean;
  readonly: boolean;
}

/** Database target, tenant count, last refresh, and the key hints of the current screen. */
export function StatusBar({ scopes, target, tenantCount, loadedAt, loading, readonly }: Props) {
  const hints = bindingsFor(scopes)
    .filter((binding) => binding.hint && !(readonly && binding.mutates))
    .map((binding) => `${keyLabel(binding.keys[0] ?? '')} ${binding.hint}`)
    .join('  ');
  const refreshed = loading ? 'loading…' : loadedAt ? `refreshed ${loadedAt.toISOString().slice(11, 19)}` : '';
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Text wrap="truncate" dimColor>
        {target} · {tenantCount ?? '?'} tenants · {refreshed}
        {readonly ? ' · READ-ONLY' : ''}
      </Text>
      <Text wrap="truncate" color="cyan">
        {hints}
      </Text>
    </Box>
  );
}
