import { canPrompt } from './can-prompt.ts';
import { dropOutputWhenReaderCloses } from './closed-pipe.ts';
import type { IO } from './command.ts';
import { answerFromManifest } from './fast-path.ts';

/**
 * The process entry: runs the command line and sets the exit code, the only place that does. The
 * console draws its first frame before the rest of Tenantry (the SDK, the database driver) is loaded.
 */
export async function run(argv: readonly string[]): Promise<void> {
  const io: IO = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
  dropOutputWhenReaderCloses(process.stdout);
  dropOutputWhenReaderCloses(process.stderr);
  const tokens = argv.slice(2);
  // Help, --version and completion answer from the build's command manifest, loading nothing else.
  const answered = answerFromManifest(tokens, io, new URL('.', import.meta.url));
  if (answered !== undefined) {
    process.exitCode = answered;
    return;
  }
  const consoleScreen = opensConsole(tokens, io) ? (await import('../app/console-screen.tsx')).openConsoleScreen(io) : undefined;
  const { execute } = await import('./execute.ts');
  process.exitCode = await execute(tokens, io, { exitOnSignal: (code) => process.exit(code), ...(consoleScreen ? { consoleScreen } : {}) });
}

/** `tenantry` alone, or `tenantry console`, where Tenantry may prompt (see can-prompt.ts). */
function opensConsole(tokens: readonly string[], io: IO): boolean {
  if (!canPrompt(io)) return false;
  return tokens.length === 0 || (tokens[0] === 'console' && !tokens.includes('--help') && !tokens.includes('-h'));
}
