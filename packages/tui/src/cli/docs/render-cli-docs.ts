import type { CommandSpec, FlagSpec } from '../command.ts';
import { commandFlags, GLOBAL_FLAGS } from '../command.ts';
import { exitCodeTable } from '../exit-codes.ts';
import { flagLabel, usageLine } from '../help.ts';

const GENERATED = '<!-- Generated from the command definitions by `pnpm docs:generate`; do not edit by hand. -->';

/** docs/cli.md: every command's usage, flags and examples, from the same definitions `--help` uses. */
export function renderCliDocs(commands: readonly CommandSpec[]): string {
  const visible = commands.filter((command) => !command.hidden);
  const globalNames = new Set(GLOBAL_FLAGS.map((flag) => flag.name));
  const sections = visible.map((command) => {
    const own = commandFlags(command).filter((flag) => !globalNames.has(flag.name));
    const lines = [`## \`tenantry ${command.path.join(' ')}\``, '', command.summary, ''];
    if (command.description) lines.push(command.description.replaceAll('\n', ' '), '');
    lines.push('```', usageLine(command), '```', '');
    if (command.aliases?.length) lines.push(`Aliases: ${command.aliases.map((alias) => `\`tenantry ${alias.join(' ')}\``).join(', ')}`, '');
    if (command.args?.length) {
      lines.push('| argument | description |', '| --- | --- |', ...command.args.map((arg) => `| \`<${arg.name}>\` | ${escapeCell(arg.description)} |`), '');
    }
    if (own.length > 0) lines.push(...flagTable(own), '');
    lines.push('Examples:', '', '```sh', ...command.examples.flatMap((example) => [`# ${example.description}`, example.command]), '```', '');
    return lines.join('\n');
  });
  return [
    '# tenantry command reference',
    '',
    GENERATED,
    '',
    'Commands are `tenantry <noun> <verb> [arguments] [flags]`. Results go to stdout, progress and errors to stderr;',
    '`--json` makes stdout one JSON document (a failure is `{"error":{code,kind,message,details,hint}}`). Nothing',
    'prompts when stdin or stdout is not a terminal, `CI` is set or `TERM` is `dumb`. `tenantry` alone opens the console',
    'on a terminal.',
    '',
    'Piped, stdout is data only: tables are tab-separated with a header line, plain words instead of symbols',
    '(`active`, not `✓ active`) and ISO 8601 timestamps; summaries, notes and progress (count, rate, time left; none',
    'with `--quiet`) go to stderr. Every `--json` list is one envelope, `{"items":[...],"total":n,"nextCursor":null}`',
    '(`total` where it is known); a list cut at its limit says so on stderr, and `nextCursor` (when not null) is what',
    '`--cursor` takes for the next page.',
    '',
    '## Contents',
    '',
    ...visible.map((command) => `* [\`tenantry ${command.path.join(' ')}\`](#${anchor(command)}): ${command.summary}`),
    '',
    '## Global flags',
    '',
    ...flagTable(GLOBAL_FLAGS),
    '',
    '## Exit codes',
    '',
    '| exit | meaning |',
    '| --- | --- |',
    '| 0 | success (an empty list too) |',
    ...exitCodeTable().map(([code, meaning]) => `| ${code} | ${meaning} |`),
    '',
    ...sections,
  ].join('\n');
}

function flagTable(flags: readonly FlagSpec[]): string[] {
  return [
    '| flag | description |',
    '| --- | --- |',
    ...flags.map((flag) => {
      const choices = flag.choices ? ` One of: ${flag.choices.map((choice) => `\`${choice}\``).join(', ')}.` : '';
      return `| \`${flagLabel(flag)}\` | ${escapeCell(flag.description)}${choices} |`;
    }),
  ];
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function anchor(command: CommandSpec): string {
  return `tenantry-${command.path.join('-')}`;
}
