import { quoteIdent } from '../../isolation/names.ts';
import { healthSettings } from '../health-settings.ts';
import type { Repair } from '../types.ts';
import { exportPath, exportSchemaRows, plannedExportFile, writeExport, type PlannedExport } from './export-first.ts';

/** Exports every row of the orphan schema to a file, then drops the schema. */
export const dropOrphanSchema: Repair = {
  async plan(ctx, finding) {
    const schema = finding.subject ?? '';
    // Named once, here: apply writes the file this plan shows.
    const file = exportPath(healthSettings(ctx).exportDir, schema, ctx.now());
    const data: PlannedExport = { exportFile: file };
    return {
      data,
      destructive: true,
      confirmText: schema,
      steps: [
        {
          action: 'export-schema',
          description: `Export every row of ${schema} (${finding.details.tables === 1 ? '1 table' : `${typeof finding.details.tables === 'number' ? finding.details.tables : '?'} tables`}) to ${file}`,
        },
        { action: 'drop-schema', description: `Drop the schema ${schema} and everything in it`, sql: [`drop schema ${quoteIdent(schema)} cascade`] },
      ],
    };
  },
  async apply(ctx, finding, plan) {
    const schema = finding.subject ?? '';
    const exported = await exportSchemaRows(ctx.em, schema, ctx.now());
    await writeExport(plannedExportFile(plan), exported.text);
    await ctx.em.execute(`drop schema ${quoteIdent(schema)} cascade`);
  },
};
