import type { PlannedRepairDto, RepairOutcomeDto } from '@tenantry/sdk';
import type { Style } from '../../output/style.ts';
import { sqlBlock } from '../../output/sql-block.ts';

export function renderRepairPlan(item: PlannedRepairDto, style: Style): string {
  const where = item.finding.tenant ? item.finding.tenant.slug : (item.finding.subject ?? 'database');
  const lines = [`${style.bold(item.finding.code)} (${where}): ${item.finding.message}`];
  item.steps.forEach((step, index) => {
    lines.push(`  ${index + 1}. ${step.description}`);
    for (const sql of step.sql ?? []) lines.push(style.dim(sqlBlock(sql, '       ')));
  });
  if (item.destructive) lines.push(style.red(`  Destroys data: confirm with the exact name "${item.confirmText ?? ''}".`));
  return lines.join('\n');
}

export function renderOutcome(outcome: RepairOutcomeDto, style: Style): string {
  const recheck = outcome.remaining
    ? style.red(`  ✗ still reported after the repair: ${outcome.remaining.message}`)
    : style.green(`  ✓ re-check: ${outcome.finding.code} is gone`);
  return `${renderRepairPlan(outcome, style)}\n${style.green('  applied')}\n${recheck}`;
}
