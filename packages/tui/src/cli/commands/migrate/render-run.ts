import type { DriftedMigrationDto, TenantMigrationRunDto } from '@tenantry/sdk';
import type { Style } from '../../output/style.ts';
import { sqlBlock } from '../../output/sql-block.ts';
import { plural } from '../../../text/plural.ts';

/** Drift grouped by migration: count and the first slugs. */
export function driftLines(drifted: readonly DriftedMigrationDto[], style: Style): string[] {
  const byMigration = new Map<string, string[]>();
  for (const row of drifted) byMigration.set(row.migrationId, [...(byMigration.get(row.migrationId) ?? []), row.slug]);
  return [...byMigration].map(([id, slugs]) => {
    const shown = slugs.slice(0, 5).join(', ') + (slugs.length > 5 ? `, … ${slugs.length - 5} more` : '');
    return `${style.yellow('!')} ${id} changed after it was applied in ${plural(slugs.length, 'tenant')} (${shown}); it is not run again. Ship changes as a new migration.`;
  });
}

/** The report of a run: summary, every failure with its code, what was skipped, drift. */
export function renderRun(run: TenantMigrationRunDto, style: Style): string {
  const lines: string[] = [];
  const { summary } = run;
  if (run.dryRun) {
    const what = run.fake ? ', migrations recorded without running them' : '';
    lines.push(
      `${style.bold(`Plan${run.fingerprint ? ` ${run.fingerprint}` : ''}`)} ${style.dim('(dry run: nothing was written)')}: ${plural(summary.units, 'unit')}${what}, each its own transaction, in this order:`,
    );
    for (const unit of run.units) lines.push(`  ${unitLabel(unit)}${unit.canary ? ' (canary)' : ''}: ${unit.migrations.join(', ')}`);
    lines.push('');
    run.steps.forEach((step, index) => {
      lines.push(`  ${index + 1}. ${step.description}`);
      for (const sql of step.sql ?? []) lines.push(style.dim(sqlBlock(sql, '       ')));
    });
    if (run.fingerprint && summary.units > 0)
      lines.push('', `Add --expect-plan ${run.fingerprint} to apply exactly this plan (refused if anything changed since).`);
    return lines.join('\n');
  }
  if (summary.units === 0) {
    lines.push(`${style.green('✓')} Every tenant is up to date with blueprint ${style.bold(run.blueprint)}; nothing to apply.`);
  } else if (run.fake) {
    const mark = summary.failed > 0 ? style.red('✗') : style.green('✓');
    lines.push(
      `${mark} ${summary.recorded} recorded without running, ${summary.unchanged} already done, ${summary.failed} failed, ${summary.skipped} skipped (${(run.elapsedMs / 1000).toFixed(1)} s).`,
    );
    for (const unit of run.units.filter((u) => u.outcome === 'recorded')) lines.push(`  ${unitLabel(unit)}: ${unit.migrations.join(', ')} (not run)`);
  } else {
    const mark = summary.failed > 0 ? style.red('✗') : style.green('✓');
    lines.push(
      `${mark} ${summary.migrated} migrated, ${summary.unchanged} already done, ${summary.failed} failed, ${summary.skipped} skipped (${(run.elapsedMs / 1000).toFixed(1)} s).`,
    );
  }
  for (const unit of run.units.filter((u) => u.outcome === 'failed')) {
    lines.push(`  ${style.red('✗')} ${unitLabel(unit)}: ${unit.error?.code} ${unit.error?.message}`);
  }
  const skipped = run.units.filter((u) => u.outcome === 'skipped');
  if (skipped.length > 0) {
    const why = run.units.some((u) => u.canary && u.outcome === 'failed') ? 'a canary failed' : 'a unit failed (pass --continue-on-error to go on)';
    lines.push(`  Skipped ${skipped.length} because ${why}; run again to apply what is left.`);
  }
  lines.push(...driftLines(run.drifted, style));
  return lines.join('\n');
}

export function unitLabel(unit: TenantMigrationRunDto['units'][number]): string {
  return unit.target === 'shared' ? 'shared tables' : String(unit.slug);
}
