import { Box, Text } from 'ink';
import type { Notice } from '../state/types.ts';

/** Errors show here with their code and hint, successes in green; the console keeps running. */
export function NoticeBanner({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  if (notice.kind === 'success') {
    return (
      <Box flexShrink={0}>
        <Text color="green" wrap="truncate">
          ✓ {notice.text}
        </Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" borderStyle="single" borderColor="red" paddingX={1} flexShrink={0}>
      <Text color="red" wrap="truncate">
        ✗ {notice.text}
        {notice.code ? ` (${notice.code})` : ''}
      </Text>
      {notice.hint ? <Text wrap="truncate">{notice.hint}</Text> : null}
    </Box>
  );
}
