import { Box, Text } from 'ink';
import { isTenantryError } from '@tenantry/sdk';

/** Why a list could not be read, with its code and hint, in place of the list; R tries again. */
export function LoadError({ what, error }: { what: string; error: Error }) {
  const hint = isTenantryError(error) ? error.hint : undefined;
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Text color="red" wrap="truncate">
        ✗ Could not load {what}: {error.message}
        {isTenantryError(error) ? ` (${error.code})` : ''}
      </Text>
      <Text dimColor wrap="truncate">
        {hint ?? 'Press R to try again.'}
      </Text>
    </Box>
  );
}
