import { dropOutputWhenReaderCloses } from './closed-pipe.ts';
import type { IO } from './command.ts';

/**
 * The process entry: runs the command line and sets the exit code, the only place that does. The
 * console draws its first frame before the rest of Tenantry (the SDK, the database driver) is loaded.
 */
export async function run(argv: readonly string[]): Promise<void> {
  const io: IO = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
  dropOutputWhenReaderCloses(process.stdout);
  dropOutputWhenReaderCloses(process.stderr);
  const tokens = argv.slice(2);
  const consoleScreen = opensConsole(tokens, io) ? (await import('../app/console-screen.tsx')).openConsoleScreen(io) : undefined;
  const { execute } = await import('./execute.ts');
  process.exitCode = await execute(tokens, io, { exitOnSignal: (code) => process.exit(code), ...(consoleScreen ? { consoleScreen } : {}) });
}

/** `tenantry` alone, or `tenantry console`, on a terminal (stdin and stdout TTYs, CI unset). */
function opensConsole(tokens: readonly string[], io: IO): boolean {
  if (!io.stdin.isTTY || !io.stdout.isTTY || io.env.CI) return false;
  return tokens.length === 0 || (tokens[0] === 'console' && !tokens.includes('--help') && !tokens.includes('-h'));
}
