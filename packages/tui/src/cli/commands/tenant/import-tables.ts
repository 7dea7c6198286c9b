import { TenantryError, type ImportSource } from '@tenantry/sdk';
import type { CommandContext, ParsedArguments } from '../../command.ts';
import { changeOptions } from '../../command.ts';
import { renderChange } from '../../output/change.ts';
import { confirmation } from './confirm-flag.ts';
import { exportKeyOption } from './export-key-flag.ts';

/** `tenant import FILE --tables a,b --into SLUG`: chosen tables of a live tenant put back as exported. */
export async function importTables(ctx: CommandContext, source: ImportSource, flags: ParsedArguments['flags']): Promise<void> {
  const into = typeof flags.into === 'string' ? flags.into : undefined;
  if (!into) throw TenantryError.invalidInput([{ path: 'into', message: 'is required with --tables: the slug of the live tenant the tables go back into' }]);
  if (typeof flags.slug === 'string')
    throw TenantryError.invalidInput([{ path: 'slug', message: 'cannot be used with --tables (a copy under a new slug is a whole import)' }]);
  const tables = String(flags.tables)
    .split(',')
    .map((table) => table.trim())
    .filter(Boolean);
  const options = changeOptions(flags);
  const client = await ctx.client();
  const key = await exportKeyOption(flags);
  const { confirm, expectFingerprint } = await confirmation(
    ctx,
    client,
    { slug: into, confirm: flags.confirm, dryRun: options.dryRun, title: `Restore ${tables.join(', ')} of ${into}` },
    () => client.tenants.restoreTables(source, { into, tables, ...key, dryRun: true }),
  );
  const result = await client.tenants.restoreTables(source, {
    into,
    tables,
    ...key,
    ...options,
    ...(confirm === undefined ? {} : { confirm }),
    ...(expectFingerprint ? { expectFingerprint } : {}),
  });
  if (ctx.json) return ctx.outJson(result);
  renderChange(ctx, result, {
    applied: `Restored ${result.tables.map((t) => `${t.table} (${t.updated} updated, ${t.inserted} inserted, ${t.deleted} deleted)`).join(', ')} of ${into} as exported at ${result.exportedAt}`,
    unchanged: '',
  });
}
