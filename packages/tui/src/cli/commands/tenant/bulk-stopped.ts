import type { BulkReportDto } from '@tenantry/sdk';
import type { CommandContext } from '../../command.ts';

type Stop = NonNullable<BulkReportDto['stopped']>;

/** One sentence on how far a stopped run got and what to do next. */
export function stopSummary(stop: Stop): string {
  const rows = stop.notStarted;
  const listed = rows.length > 10 ? `${rows.slice(0, 10).join(', ')}, …` : rows.join(', ');
  return (
    `The run stopped at the first outage after ${stop.done} of ${stop.total} row(s); ${rows.length} not started${rows.length ? ` (rows ${listed})` : ''}. ` +
    'Run the same file again once the database is back: rows already done are reported unchanged.'
  );
}

/** The error a stopped run ends with: the outage, with how far the run got in its details. */
export function stopError(stop: Stop): Record<string, unknown> {
  return { ...stop.error, details: { ...stop.error.details, done: stop.done, total: stop.total, notStarted: stop.notStarted } };
}

export function renderStop(ctx: CommandContext, stop: Stop): void {
  const { style } = ctx;
  ctx.info(`${style.red('✗')} ${stop.error.message}`);
  ctx.info(`  ${stopSummary(stop)}`);
  if (stop.error.hint) ctx.info(`  ${style.dim('hint:')} ${stop.error.hint}`);
  ctx.info(`  ${style.dim('code:')} ${stop.error.code}`);
}
