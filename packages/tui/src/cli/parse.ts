import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { TenantryError, type InputIssue } from '@tenantry/sdk';
import { commandFlags, type ArgSpec, type CommandSpec, type FlagSpec, type ParsedArguments } from './command.ts';
import { closest, flagNames } from './route.ts';

export { resolveCommand, type Resolution } from './route.ts';

/**
 * Parses flags and positional arguments strictly: an unknown flag, a bad number or a value outside a flag's
 * choices is INVALID_INPUT. With `allowMissing`, missing required arguments are listed in `missing` (for a
 * terminal to ask for) instead of failing.
 */
export function parseCommandLine(
  command: CommandSpec,
  tokens: readonly string[],
  mode: { allowMissing?: boolean } = {},
): ParsedArguments & { missing: ArgSpec[] } {
  const flags = commandFlags(command);
  const options: ParseArgsOptionsConfig = {};
  for (const flag of flags) {
    options[flag.name] = {
      type: flag.type === 'boolean' ? 'boolean' : 'string',
      ...(flag.type === 'list' ? { multiple: true } : {}),
      ...(flag.short ? { short: flag.short } : {}),
    };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...tokens], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw TenantryError.invalidInput([{ path: 'argv', message: describeParseError(error, flagNames(command)) }]);
  }
  const issues: InputIssue[] = [];
  const values: ParsedArguments['flags'] = {};
  for (const flag of flags) {
    const raw = parsed.values[flag.name];
    if (raw === undefined) continue;
    const value = convertFlag(flag, raw, issues);
    if (value !== undefined) values[flag.name] = value;
  }
  const specs = command.args ?? [];
  const variadic = specs.at(-1)?.variadic === true;
  const structural: InputIssue[] = [];
  if (!variadic && parsed.positionals.length > specs.length) {
    const extra = parsed.positionals
      .slice(specs.length)
      .map((value) => JSON.stringify(value))
      .join(' ');
    structural.push({ path: 'argv', message: `unexpected argument(s) ${extra}; see --help` });
  }
  const missing: ArgSpec[] = [];
  specs.forEach((spec, index) => {
    if (spec.optional || parsed.positionals[index] !== undefined) return;
    if (mode.allowMissing && !spec.variadic) missing.push(spec);
    else structural.push({ path: spec.field ?? spec.name, message: `is required: pass <${spec.name}> (${spec.description})` });
  });
  if (structural.length > 0) throw TenantryError.invalidInput([...structural, ...issues]);
  if (issues.length > 0 && !command.reportsFlagIssues) throw TenantryError.invalidInput(issues);
  const args = Object.fromEntries(specs.map((spec, index) => [spec.name, parsed.positionals[index]]));
  if (variadic) return { args, flags: values, issues, missing, rest: parsed.positionals.slice(specs.length - 1) };
  return { args, flags: values, issues, missing };
}

function convertFlag(flag: FlagSpec, raw: string | boolean | (string | boolean)[], issues: InputIssue[]): string | number | boolean | string[] | undefined {
  if (flag.type === 'boolean') return raw === true;
  if (flag.type === 'list') return (Array.isArray(raw) ? raw : [raw]).map(String);
  const text = String(Array.isArray(raw) ? raw.at(-1) : raw);
  if (flag.type === 'integer') {
    if (!/^-?\d+$/.test(text.trim())) {
      issues.push({ path: `--${flag.name}`, message: `must be a whole number (got "${text}")` });
      return undefined;
    }
    return Number(text);
  }
  if (flag.choices && !flag.choices.includes(text)) {
    issues.push({ path: `--${flag.name}`, message: `must be one of ${flag.choices.join(', ')} (got "${text}")` });
    return undefined;
  }
  return text;
}

function describeParseError(error: unknown, known: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
  if (unknown) {
    const suggestion = unknown.startsWith('--') ? closest(unknown, known) : undefined;
    return `unknown flag ${unknown}; ${suggestion ? `did you mean ${suggestion}? ` : ''}see --help for the flags this command accepts`;
  }
  const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message);
  if (missing) return `flag ${missing[1]?.split(',').at(-1)?.trim()} needs a value`;
  return message.replace(/\. To specify.*$/s, '');
}
