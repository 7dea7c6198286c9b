import { Box, Text } from 'ink';
import { SCOPE_TITLES, bindingsFor, keyLabel, type Scope } from '../keymap.ts';

interface Props {
  scopes: readonly Scope[];
  offset: number;
  height: number;
}

/**
 * The keys of the current screen, from the keymap, grouped by scope, and the keys of text fields (every
 * screen has one: `:`); scrolls when taller than the screen.
 */
export function HelpOverlay({ scopes, offset, height }: Props) {
  const shown: Scope[] = scopes.includes('text') ? [...scopes] : [...scopes, 'text'];
  const lines = shown.flatMap((scope) => [
    { key: scope, heading: SCOPE_TITLES[scope], keys: '', description: '' },
    ...(scope === 'text' ? [{ key: 'text-letters', heading: '', keys: 'letters, q too', description: 'Are text: ctrl+c quits, esc leaves the field' }] : []),
    ...bindingsFor([scope]).map((binding) => ({
      key: `${scope}-${binding.action}`,
      heading: '',
      keys: binding.keys.map(keyLabel).join(', '),
      description: binding.description,
    })),
  ]);
  const visible = Math.max(1, height - 4);
  const start = Math.min(offset, Math.max(0, lines.length - visible));
  const more = lines.length - start - visible;
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} height={height} overflow="hidden">
      <Box flexShrink={0}>
        <Text bold>Keys</Text>
        <Text dimColor> (? or esc closes{lines.length > visible ? '; ↑/↓ scroll' : ''})</Text>
      </Box>
      {lines.slice(start, start + visible).map((line) => (
        <Box key={line.key} flexShrink={0}>
          {line.heading ? (
            <Text dimColor>{line.heading}</Text>
          ) : (
            <Text wrap="truncate">
              <Text color="cyan">{line.keys.padEnd(22)}</Text>
              {line.description}
            </Text>
          )}
        </Box>
      ))}
      <Box flexShrink={0}>
        <Text dimColor>{more > 0 ? `… ${more} more below` : ' '}</Text>
      </Box>
    </Box>
  );
}
