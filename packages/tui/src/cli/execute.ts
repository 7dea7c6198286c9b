import { createTenantry, type TenantryClient } from '@tenantry/sdk';
import type { ConsoleScreen } from '../app/console-screen.tsx';
import { canPrompt } from './can-prompt.ts';
import type { CommandContext, CommandSpec, IO } from './command.ts';
import { COMMANDS } from './registry.ts';
import { EXIT_CODES, EXIT_SUCCESS, SIGNAL_EXIT_CODES } from './exit-codes.ts';
import { renderCommandHelp, renderGroupHelp } from './help.ts';
import { parseCommandLine } from './parse.ts';
import { routeCommandLine } from './route.ts';
import { unroutedError } from './route-errors.ts';
import { asTenantryError, errorJson, renderError } from './render-error.ts';
import { colorEnabled, createStyle } from './output/style.ts';
import { withProfile } from './config/profile-env.ts';
import { VERSION } from './version.ts';

const HANDLED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const SIGNAL_CLOSE_TIMEOUT_MS = 5_000;

export interface ExecuteOptions {
  /** Ends the process after a signal, with this exit code (cli/run.ts owns the process). */
  exitOnSignal: (code: number) => void;
  /** The console's screen, already drawing its first frame (see cli/run.ts). */
  consoleScreen?: ConsoleScreen;
}

/** Runs one command line against `io` and returns its exit code. */
export async function execute(tokens: readonly string[], io: IO, options: ExecuteOptions): Promise<number> {
  const json = tokens.includes('--json');
  const verbose = tokens.includes('--verbose');
  const style = createStyle(colorEnabled(io.stdout.isTTY && io.stderr.isTTY, io.env, tokens.includes('--no-color')));
  const interactive = canPrompt(io);
  // No arguments: the console on a terminal, the overview of commands otherwise.
  const effective = tokens.length === 0 && interactive ? ['console'] : tokens;
  const route = routeCommandLine(COMMANDS, effective);
  const command = route.kind === 'command' || route.kind === 'command-help' ? route.command : undefined;
  try {
    if (route.kind === 'version') return write(io.stdout, `tenantry ${VERSION}\n`);
    if (route.kind === 'group-help') return write(io.stdout, renderGroupHelp(COMMANDS, route.words));
    if (route.kind === 'unknown-command' || route.kind === 'unknown-flag') throw unroutedError(route);
    if (route.kind === 'command-help') return write(io.stdout, renderCommandHelp(route.command));
    // On a terminal, missing arguments are asked for (see runCommand); elsewhere they fail at once.
    const parsed = parseCommandLine(route.command, route.rest, { allowMissing: interactive && !json });
    return await runCommand(
      route.command,
      parsed,
      io,
      { json, interactive, style, ...(options.consoleScreen ? { consoleScreen: options.consoleScreen } : {}) },
      options.exitOnSignal,
    );
  } catch (error) {
    // Errors print on the normal screen: the console's screen, if it was opened, closes first.
    options.consoleScreen?.close();
    const failure = asTenantryError(error);
    if (json) io.stdout.write(`${JSON.stringify(errorJson(command, failure))}\n`);
    else io.stderr.write(renderError(command, failure, style, verbose));
    return EXIT_CODES[failure.kind];
  }
}

async function runCommand(
  command: CommandSpec,
  parsed: ReturnType<typeof parseCommandLine>,
  io: IO,
  mode: Pick<CommandContext, 'json' | 'interactive' | 'style' | 'consoleScreen'>,
  exitOnSignal: ExecuteOptions['exitOnSignal'],
): Promise<number> {
  let client: Promise<TenantryClient> | undefined;
  const closers: (() => Promise<void>)[] = [];
  let graceMs = 0;
  const ctx: CommandContext = {
    io,
    ...mode,
    commands: COMMANDS,
    client: (options) =>
      (client ??= createTenantry({
        ...(options?.createDatabase ? { createDatabase: true } : {}),
        env: withProfile(io.env, parsed.flags.profile),
        command: `tenantry ${command.path.join(' ')}`,
        face: command.path[0] === 'console' ? 'console' : 'cli',
        ...(typeof parsed.flags['database-url'] === 'string' ? { databaseUrl: parsed.flags['database-url'] } : {}),
        migrations: command.leavesMigrationsPending ? 'ignore' : 'apply',
      })),
    onShutdown: (close, options) => {
      closers.push(close);
      graceMs = Math.max(graceMs, options?.graceMs ?? 0);
    },
    out: (text = '') => void io.stdout.write(`${text}\n`),
    info: (text = '') => void io.stderr.write(`${text}\n`),
    outJson: (value) => void io.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
  };
  // Once, for whichever asks first: a signal and the command's own end both wait for the same close, so
  // neither exits while the other is still closing the database.
  let released: Promise<void> | undefined;
  const release = () =>
    (released ??= (async () => {
      for (const close of closers.splice(0)) await close().catch(() => undefined);
      await client?.then((opened) => opened.close()).catch(() => undefined);
    })());
  // Ctrl-C is "cancelled"; SIGTERM and a closed terminal exit as the shell expects. Either way the
  // database is closed first, so the embedded store's lock is released and nothing is half-written.
  // A close that never finishes (a server pool still waiting on a connection) must not keep a
  // terminated process alive: after SIGNAL_CLOSE_TIMEOUT_MS (plus the grace a command asked for to
  // finish its work in flight) it exits anyway, nothing is half-written since every change is one
  // transaction.
  const onSignal = (signal: (typeof HANDLED_SIGNALS)[number]) => {
    const exit = () => exitOnSignal(signal === 'SIGINT' ? EXIT_CODES.cancelled : SIGNAL_EXIT_CODES[signal]);
    const deadline = setTimeout(exit, SIGNAL_CLOSE_TIMEOUT_MS + graceMs);
    void release().finally(() => {
      clearTimeout(deadline);
      exit();
    });
  };
  for (const signal of HANDLED_SIGNALS) process.once(signal, onSignal);
  try {
    if (parsed.missing.length > 0) {
      const { askMissingArguments } = await import('../flows/ask-missing-arguments.ts');
      Object.assign(parsed.args, await askMissingArguments(parsed.missing, { io, client: () => ctx.client() }));
    }
    const verdict = await command.run(ctx, parsed);
    return verdict ? EXIT_CODES[verdict.exitKind] : EXIT_SUCCESS;
  } finally {
    for (const signal of HANDLED_SIGNALS) process.removeListener(signal, onSignal);
    await release();
  }
}

function write(stream: IO['stdout'], text: string): number {
  stream.write(text);
  return EXIT_SUCCESS;
}
