import { Box, Text, render, useApp, useInput } from 'ink';
import type { IO } from '../cli/command.ts';
import type { ConsoleScreen } from './console-screen-handle.ts';

export type { ConsoleScreen } from './console-screen-handle.ts';

/** The first frame, while the rest of Tenantry loads and the database opens. */
export function Opening() {
  const { exit } = useApp();
  useInput((input, key) => {
    if (input === 'q' || (key.ctrl && input === 'c')) exit();
  });
  return (
    <Box flexDirection="column">
      <Text bold>Tenantry</Text>
      <Text dimColor>Opening the database… (q quits)</Text>
    </Box>
  );
}

export function openConsoleScreen(io: IO): ConsoleScreen {
  const instance = render(<Opening />, {
    stdin: io.stdin,
    stdout: io.stdout,
    stderr: io.stderr,
    alternateScreen: true,
    exitOnCtrlC: false,
    patchConsole: true,
  });
  return { instance, close: () => instance.unmount() };
}
