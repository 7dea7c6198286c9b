import type { ChangeDto, FieldChangeDto } from '@tenantry/sdk';
import type { CommandContext } from '../command.ts';
import { formatTimestamp } from './format.ts';
import { sqlBlock } from './sql-block.ts';

export interface ChangeMessages {
  /** Shown after the change was applied: "Granted admin to ana@acme.com in acme-corp". */
  applied: string;
  /** Shown when there was nothing to do. */
  unchanged: string;
}

/** Prints a change result: the plan of a dry run, "nothing to change", or what was done; then the diff. */
export function renderChange(ctx: CommandContext, change: ChangeDto, messages: ChangeMessages): void {
  const { style } = ctx;
  if (change.result === 'planned') {
    const fingerprint = change.fingerprint ? ` ${change.fingerprint}` : '';
    ctx.out(`${style.bold(`Plan${fingerprint}`)} ${style.dim('(dry run: nothing was written)')}`);
    change.steps.forEach((step, index) => {
      ctx.out(`  ${index + 1}. ${step.description}`);
      for (const sql of step.sql ?? []) ctx.out(style.dim(sqlBlock(sql, '       ')));
    });
    if (change.changes.length > 0) ctx.out(renderDiff(change.changes, ctx));
    ctx.out(
      change.fingerprint
        ? `Run again without --dry-run to apply it; add --expect-plan ${change.fingerprint} to apply exactly this plan (refused if anything changed since).`
        : 'Run again without --dry-run to apply it.',
    );
    return;
  }
  if (change.result === 'unchanged') {
    ctx.out(`${style.green('✓')} ${messages.unchanged}`);
    return;
  }
  ctx.out(`${style.green('✓')} ${messages.applied}`);
  if (change.changes.length > 0) ctx.out(renderDiff(change.changes, ctx));
}

/** "  limits.maxUsers  10 → 50", aligned; on a terminal a timestamp shows as local time. */
export function renderDiff(changes: readonly FieldChangeDto[], ctx: Pick<CommandContext, 'style' | 'io'>): string {
  const terminal = Boolean(ctx.io.stdout.isTTY);
  const width = Math.max(...changes.map((change) => change.field.length));
  const show = (value: unknown) => shown(value, terminal);
  return changes.map((change) => `  ${change.field.padEnd(width)}  ${ctx.style.red(show(change.from))} → ${ctx.style.green(show(change.to))}`).join('\n');
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function shown(value: unknown, terminal: boolean): string {
  if (value === null || value === undefined) return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map((item) => shown(item, terminal)).join(', ');
  if (typeof value === 'string') return terminal && ISO_TIMESTAMP.test(value) ? formatTimestamp(value, true) : value;
  return JSON.stringify(value);
}
