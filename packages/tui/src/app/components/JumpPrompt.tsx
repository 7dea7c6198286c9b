import { Box, Text } from 'ink';
import { JUMP_TARGETS } from '../state/navigation.ts';

export function JumpPrompt({ text }: { text: string }) {
  return (
    <Box flexShrink={0}>
      <Text color="yellow" wrap="truncate">
        :{text}█ <Text dimColor>({JUMP_TARGETS.join(', ')}; enter goes, esc cancels)</Text>
      </Text>
    </Box>
  );
}
