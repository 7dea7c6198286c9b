// Loaded by the fast path (fast-path.ts) too: nothing here may import a value from the SDK.
import type { CommandHelp, FlagSpec } from './command.ts';
import { exitCodeTable } from './exit-codes.ts';
import { commandFlags, GLOBAL_FLAGS } from './command.ts';

export const PROGRAM = 'tenantry';

export function usageLine(command: CommandHelp): string {
  const args = (command.args ?? []).map((arg) => `<${arg.name}>${arg.variadic ? '...' : ''}`).join(' ');
  return [PROGRAM, ...command.path, args, command.flags?.length || command.json ? '[flags]' : ''].filter(Boolean).join(' ');
}

export function flagLabel(flag: FlagSpec): string {
  const short = flag.short ? `-${flag.short}, ` : '';
  const value = flag.type === 'boolean' ? '' : ` ${flag.placeholder ?? (flag.type === 'integer' ? 'N' : 'VALUE')}`;
  const repeat = flag.type === 'list' ? ' ...' : '';
  return `${short}--${flag.name}${value}${repeat}`;
}

function flagLines(flags: readonly FlagSpec[]): string[] {
  const labels = flags.map(flagLabel);
  const width = Math.max(...labels.map((label) => label.length));
  return flags.map((flag, index) => {
    const choices = flag.choices ? ` One of: ${flag.choices.join(', ')}.` : '';
    return `  ${(labels[index] ?? '').padEnd(width)}  ${flag.description}${choices}`;
  });
}

export function renderCommandHelp(command: CommandHelp): string {
  const globalNames = new Set(GLOBAL_FLAGS.map((flag) => flag.name));
  const own = commandFlags(command).filter((flag) => !globalNames.has(flag.name));
  const lines = [command.summary, ''];
  if (command.description) lines.push(command.description, '');
  lines.push('USAGE', `  ${usageLine(command)}`, '');
  if (command.aliases?.length) lines.push('ALIASES', ...command.aliases.map((alias) => `  ${PROGRAM} ${alias.join(' ')}`), '');
  if (command.args?.length) {
    const width = Math.max(...command.args.map((arg) => arg.name.length + 2));
    lines.push('ARGUMENTS', ...command.args.map((arg) => `  ${`<${arg.name}>`.padEnd(width)}  ${arg.description}`), '');
  }
  if (own.length > 0) lines.push('FLAGS', ...flagLines(own), '');
  lines.push('GLOBAL FLAGS', ...flagLines(GLOBAL_FLAGS), '');
  lines.push('EXAMPLES', ...command.examples.flatMap((example) => [`  # ${example.description}`, `  $ ${example.command}`]), '');
  lines.push('EXIT CODES', ...exitCodeLines(), '');
  return lines.join('\n');
}

function exitCodeLines(): string[] {
  const rows: [number, string][] = [[0, 'success'], ...exitCodeTable()];
  const width = Math.max(...rows.map(([code]) => String(code).length));
  return rows.map(([code, meaning]) => `  ${String(code).padStart(width)}  ${meaning}`);
}

/** Help for the program or a command group: the commands under `prefix`. */
export function renderGroupHelp(commands: readonly CommandHelp[], prefix: readonly string[]): string {
  const visible = commands.filter((command) => !command.hidden && prefix.every((word, index) => command.path[index] === word));
  const names = visible.map((command) => command.path.join(' '));
  const width = Math.max(...names.map((name) => name.length));
  const title =
    prefix.length === 0
      ? 'Tenantry provisions and operates the tenants of a multi-tenant SaaS on PostgreSQL.'
      : `Commands under "${PROGRAM} ${prefix.join(' ')}".`;
  return [
    title,
    '',
    'USAGE',
    `  ${PROGRAM} <noun> <verb> [arguments] [flags]`,
    ...(prefix.length === 0 ? [`  ${PROGRAM}                  opens the full-screen console on a terminal`] : []),
    '',
    'COMMANDS',
    ...visible.map((command, index) => `  ${(names[index] ?? '').padEnd(width)}  ${command.summary}`),
    '',
    'GLOBAL FLAGS',
    ...flagLines(GLOBAL_FLAGS),
    '',
    'ENVIRONMENT',
    '  TENANTRY_DATABASE_URL  PostgreSQL server URL; without it the embedded store is used',
    '  TENANTRY_DATA_PATH_URL the login of the data path (withTenant); default: the database URL as tenantry_app',
    "  TENANTRY_PROFILE       the config file profile to use (default: the file's default-profile)",
    '  TENANTRY_HOME          embedded store directory (default $XDG_DATA_HOME/tenantry or ~/.local/share/tenantry)',
    '  TENANTRY_BASE_DOMAIN   tenants get <slug>.<base domain> as a subdomain',
    '  TENANTRY_SMTP_URL      deliver invitation mail over SMTP (smtp://user:pass@host:587); else to $TENANTRY_HOME/mail.log',
    '  TENANTRY_MAIL_FROM     the From header of that mail',
    '  TENANTRY_DNS_SERVERS   DNS servers for domain verification (10.0.0.2,127.0.0.1:5353); default: the system resolver',
    '  NO_COLOR               disables colour',
    '  CI, TERM=dumb          no prompts and no console, as without a terminal',
    '',
    `Run "${PROGRAM} <command> --help" for a command's flags and examples. Reference: docs/cli.md.`,
    '',
  ].join('\n');
}
