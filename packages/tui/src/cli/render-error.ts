import { isTenantryError, TenantryError, type InputIssue } from '@tenantry/sdk';
import { commandFlags, type CommandSpec } from './command.ts';
import type { Style } from './output/style.ts';

/** Every failure as a TenantryError; anything else is an internal error that keeps its cause. */
export function asTenantryError(error: unknown): TenantryError {
  return isTenantryError(error) ? error : TenantryError.internal(error);
}

/** Maps input field paths ("ownerEmail", "features.sso") to the flags or arguments that fill them. */
export function issueLabel(command: CommandSpec | undefined, path: string): string {
  if (!command || path === 'argv' || path.startsWith('--')) return path === 'argv' ? '' : path;
  const field = path.split('.')[0];
  const flag = commandFlags(command).find((spec) => spec.field === path || spec.field === field || spec.name === path);
  if (flag) return `--${flag.name}`;
  const arg = command.args?.find((spec) => spec.field === path || spec.field === field || spec.name === path);
  return arg ? `<${arg.name}>` : path;
}

function labelledIssues(command: CommandSpec | undefined, error: TenantryError): (InputIssue & { flag: string })[] {
  const issues = (error.details.issues as InputIssue[] | undefined) ?? [];
  return issues.map((issue) => ({ ...issue, flag: issueLabel(command, issue.path) }));
}

export function errorJson(command: CommandSpec | undefined, error: TenantryError): unknown {
  const json = error.toJSON();
  if (error.code === 'INVALID_INPUT') json.details = { ...json.details, issues: labelledIssues(command, error) };
  const flag = argumentLabel(command, error);
  if (flag) json.details = { ...json.details, flag };
  return { error: json };
}

/** The flag or argument an error other than INVALID_INPUT is about (a missing file: `<file>`, `--out`). */
function argumentLabel(command: CommandSpec | undefined, error: TenantryError): string {
  const field = error.details.field;
  return error.code !== 'INVALID_INPUT' && typeof field === 'string' ? issueLabel(command, field) : '';
}

export function renderError(command: CommandSpec | undefined, error: TenantryError, style: Style, verbose: boolean): string {
  const lines: string[] = [];
  if (error.code === 'INVALID_INPUT') {
    lines.push(`${style.red('✗')} Invalid input:`);
    for (const issue of labelledIssues(command, error)) {
      lines.push(`  ${issue.flag ? `${style.bold(issue.flag)}: ` : ''}${issue.message}`);
    }
  } else {
    const flag = argumentLabel(command, error);
    lines.push(`${style.red('✗')} ${flag ? `${style.bold(flag)}: ` : ''}${error.message}`);
  }
  const hint =
    error.code === 'INVALID_INPUT' && command ? `Correct the flags named above; \`tenantry ${command.path.join(' ')} --help\` lists them.` : error.hint;
  if (hint) lines.push(`  ${style.dim('hint:')} ${hint}`);
  lines.push(`  ${style.dim('code:')} ${error.code}`);
  if (verbose) {
    const cause = error.cause instanceof Error ? error.cause : error;
    lines.push('', style.dim(cause.stack ?? String(cause)));
  }
  return lines.join('\n') + '\n';
}
