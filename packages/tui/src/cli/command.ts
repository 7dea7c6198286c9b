import type { Readable, Writable } from 'node:stream';
import type { ErrorKind, InputIssue, TenantryClient } from '@tenantry/sdk';
import type { ConsoleScreen } from '../app/console-screen-handle.ts';
import type { Style } from './output/style.ts';

export type FlagType = 'string' | 'integer' | 'boolean' | 'list';

export interface FlagSpec {
  /** Long name in kebab-case, without dashes. */
  name: string;
  type: FlagType;
  description: string;
  /** Shown in help after the flag, e.g. EMAIL. */
  placeholder?: string;
  /** The input field this flag fills, so validation errors can name the flag. */
  field?: string;
  choices?: readonly string[];
  short?: string;
}

export interface ArgSpec {
  name: string;
  description: string;
  /** Arguments are required unless marked optional. */
  optional?: boolean;
  /** The input field this argument fills. */
  field?: string;
  /** The values it takes: a terminal asking for it offers them. */
  choices?: readonly string[];
  /** A secret (a key, a token): asked for without echo. */
  secret?: boolean;
  /** The last argument only: takes this and every further positional value (`ParsedArguments.rest`). */
  variadic?: boolean;
}

export interface Example {
  command: string;
  description: string;
}

export interface IO {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean; columns?: number; rows?: number };
  stderr: Writable & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

export interface CommandContext {
  io: IO;
  /** The console's screen when cli/run.ts opened it early, for the console command to draw on. */
  consoleScreen?: ConsoleScreen;
  style: Style;
  /** Prompting and the console are allowed: `canPrompt(io)` (stdin and stdout terminals, CI unset, TERM not dumb). */
  interactive: boolean;
  json: boolean;
  /** Every command the CLI has (the completion script is generated from them). */
  commands: readonly CommandSpec[];
  /** Opens (once) the SDK client on the configured database; `createDatabase` for `db init --create` only. */
  client(options?: { createDatabase?: boolean }): Promise<TenantryClient>;
  /**
   * Work to finish before the database closes, on a signal or at the end of the command: a server stops
   * accepting calls and finishes those in flight. Runs first, then the client closes. After a signal the
   * process waits `graceMs` for it (default 0) beyond the few seconds the database may take to close.
   */
  onShutdown(close: () => Promise<void>, options?: { graceMs?: number }): void;
  /** Writes a result line on stdout. */
  out(text?: string): void;
  /** Writes progress or diagnostics on stderr. */
  info(text?: string): void;
  /** Writes one JSON document on stdout. */
  outJson(value: unknown): void;
}

export interface ParsedArguments {
  args: Record<string, string | undefined>;
  flags: Record<string, string | number | boolean | string[] | undefined>;
  /** Flag values that did not parse (a non-number for an integer flag); those flags are left out of `flags`. */
  issues: InputIssue[];
  /** The values of a variadic last argument, in order (present only when the command has one). */
  rest?: string[];
}

/** A required positional argument; the parser has already refused a command line without it. */
export function requiredArg(input: ParsedArguments, name: string): string {
  const value = input.args[name];
  if (value === undefined) throw new Error(`argument <${name}> was not checked by the parser`);
  return value;
}

/** What help, docs and completion read of a command: everything but its code (see manifest.ts). */
export type CommandHelp = Omit<CommandSpec, 'run'>;

export interface CommandSpec {
  path: readonly string[];
  aliases?: readonly (readonly string[])[];
  /** Third-person fragment: "Provisions a tenant with its owner and domain." */
  summary: string;
  description?: string;
  args?: readonly ArgSpec[];
  flags?: readonly FlagSpec[];
  /** Accepts --json. */
  json?: boolean;
  examples: readonly Example[];
  /** Left out of help listings and docs (internal plumbing). */
  hidden?: boolean;
  /** The command reports `issues` itself, together with the SDK's validation, so every problem shows at once. */
  reportsFlagIssues?: boolean;
  /** Opens the database without applying pending control-plane migrations (it reports or applies them itself). */
  leavesMigrationsPending?: boolean;
  /** Resolves when done; returning an error kind exits with its code after a result that is not an error (`slug check` of a taken slug). */
  run(ctx: CommandContext, input: ParsedArguments): Promise<void | CommandVerdict>;
}

export interface CommandVerdict {
  exitKind: ErrorKind;
}

export function defineCommand(spec: CommandSpec): CommandSpec {
  return spec;
}

export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  {
    name: 'database-url',
    type: 'string',
    placeholder: 'URL',
    description: 'PostgreSQL server to use instead of the embedded store (env TENANTRY_DATABASE_URL).',
  },
  { name: 'profile', type: 'string', placeholder: 'NAME', description: 'Settings profile from the config file (env TENANTRY_PROFILE; see "tenantry config").' },
  { name: 'verbose', type: 'boolean', description: 'Print stack traces with errors.' },
  { name: 'no-color', type: 'boolean', description: 'Disable colour (also NO_COLOR).' },
  { name: 'help', short: 'h', type: 'boolean', description: 'Show help for the command.' },
];

export const JSON_FLAG: FlagSpec = {
  name: 'json',
  type: 'boolean',
  description: 'Print one JSON document on stdout and nothing else.',
};

export const QUIET_FLAG: FlagSpec = {
  name: 'quiet',
  type: 'boolean',
  description: 'No progress on stderr (the result and errors still print).',
};

export const DRY_RUN_FLAG: FlagSpec = {
  name: 'dry-run',
  type: 'boolean',
  description: 'Show the plan and write nothing.',
};

export const EXPECT_PLAN_FLAG: FlagSpec = {
  name: 'expect-plan',
  type: 'string',
  placeholder: 'FINGERPRINT',
  description: 'Apply only the plan a dry run showed with this fingerprint; if the state changed since, nothing is written (exit 7, PLAN_STALE).',
};

/** The flags of a change planned by the operation layer: a dry run, and applying exactly the plan shown. */
export const CHANGE_FLAGS: readonly FlagSpec[] = [DRY_RUN_FLAG, EXPECT_PLAN_FLAG];

/** `{ dryRun, expectFingerprint }` from --dry-run and --expect-plan. */
export function changeOptions(flags: ParsedArguments['flags']): { dryRun: boolean; expectFingerprint?: string } {
  const fingerprint = flags['expect-plan'];
  return { dryRun: flags['dry-run'] === true, ...(typeof fingerprint === 'string' ? { expectFingerprint: fingerprint } : {}) };
}

/** A command's own flags, then --json when it has it, then the global flags. */
export function commandFlags(command: CommandHelp): FlagSpec[] {
  return [...(command.flags ?? []), ...(command.json ? [JSON_FLAG] : []), ...GLOBAL_FLAGS];
}
