import type { ImportSource } from '@tenantry/sdk';
import { readAll } from './read-all.ts';
import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';
import { fields } from '../../output/format.ts';
import { CONFIRM_FLAG } from './confirm-flag.ts';
import { EXPORT_KEY_FILE_FLAG, exportKeyOption } from './export-key-flag.ts';
import { importTables } from './import-tables.ts';

export const tenantImport = defineCommand({
  path: ['tenant', 'import'],
  summary: 'Restores a tenant from an export file, or imports a copy of it under a new slug.',
  description:
    "The file must carry a valid signature of this installation's export key (or of the key --export-key-file gives), and\n" +
    'every row must be of the one tenant it exports, each field as the commands would accept it; otherwise it is refused\n' +
    '(EXPORT_INVALID, naming the line). Exports of format 1 (a plain checksum) are refused: export the tenant again.\n' +
    'All in one transaction: the tenant and its control-plane rows, its data space made with the blueprint migrations the\n' +
    'export had, its rows, then any newer blueprint migrations run on them. Users that exist here (same email) are linked,\n' +
    'never overwritten. With --slug the copy gets new ids, its <slug>.<base domain> subdomain follows the new slug, hostnames\n' +
    'taken here (or that it may not claim here) are left out, a custom domain is primary only once verified, and API keys\n' +
    'and invitations stay with the original. A purged tenant comes back active.\n' +
    'With --tables and --into, only those tables of a live tenant go back as exported, in one transaction: each exported\n' +
    'row is put back by its primary key, rows written since are deleted; rows of other tables keep pointing at the rows\n' +
    'put back, and one that references a deleted row follows its foreign key (set null, cascade). The export must be of\n' +
    'that tenant, with the tenant migrations it has now.',
  args: [{ name: 'file', description: 'The export file; - reads it from stdin.', field: 'file' }],
  flags: [
    {
      name: 'slug',
      type: 'string',
      placeholder: 'SLUG',
      field: 'slug',
      description: 'Import under this slug instead of the exported one (a copy with new ids).',
    },
    {
      name: 'tables',
      type: 'string',
      placeholder: 'LIST',
      field: 'tables',
      description: 'Restore only these tables of the data space (comma-separated) into the live tenant --into names.',
    },
    {
      name: 'into',
      type: 'string',
      placeholder: 'SLUG',
      field: 'into',
      description: 'With --tables: the live tenant (the one exported) the tables go back into.',
    },
    { ...CONFIRM_FLAG, description: "With --tables: the tenant's exact name, typed back (required without a terminal)." },
    EXPORT_KEY_FILE_FLAG,
    ...CHANGE_FLAGS,
  ],
  json: true,
  examples: [
    { description: 'Restore a purged tenant from its export', command: 'tenantry tenant import acme-corp.tenant.jsonl' },
    { description: 'Make a staging copy of a tenant', command: 'tenantry tenant import acme-corp.tenant.jsonl --slug acme-staging' },
    { description: 'Import a tenant exported on another installation', command: 'tenantry tenant import acme-corp.tenant.jsonl --export-key-file move.key' },
    { description: 'Check what an import would do', command: 'tenantry tenant import acme-corp.tenant.jsonl --slug acme-staging --dry-run --json' },
    {
      description: 'Put the assets and devices of a live tenant back as exported',
      command: 'tenantry tenant import acme-corp.tenant.jsonl --tables assets,devices --into acme-corp --confirm "Acme Corp"',
    },
  ],
  async run(ctx, input) {
    const file = requiredArg(input, 'file');
    const source: ImportSource = file === '-' ? { text: await readAll(ctx.io.stdin) } : { file };
    if (input.flags.tables !== undefined) return importTables(ctx, source, input.flags);
    const client = await ctx.client();
    const result = await client.tenants.import(source, {
      ...changeOptions(input.flags),
      ...(await exportKeyOption(input.flags)),
      ...(typeof input.flags.slug === 'string' ? { slug: input.flags.slug } : {}),
    });
    if (ctx.json) return ctx.outJson(result);
    if (result.result === 'planned') {
      ctx.out(`Importing ${result.from.slug} as ${ctx.style.bold(result.tenant.slug)}:`);
      return renderChange(ctx, result, { applied: '', unchanged: '' });
    }
    ctx.out(`${ctx.style.green('✓')} Imported ${ctx.style.bold(result.tenant.slug)} (exported as ${result.from.slug} at ${result.from.exportedAt})`);
    const left = [...result.skippedDomains.map((d) => `${d.hostname} (${d.reason})`), ...result.skippedCredentials.map((c) => `${c.rows} ${c.table}`)];
    ctx.out(
      fields([
        ['Rows', `${result.rows.control} control-plane, ${result.rows.data} data`],
        ['Users', `${result.users.created.length} created, ${result.users.linked} linked by email`],
        ['Migrations run', result.migrationsRun.join(', ') || 'none (the export was up to date)'],
        ...(left.length > 0 ? [['Left out', left.join('; ')] as [string, string]] : []),
      ]),
    );
  },
});
