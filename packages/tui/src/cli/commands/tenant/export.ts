import { TenantryError } from '@tenantry/sdk';
import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';
import { fields } from '../../output/format.ts';
import { EXPORT_KEY_FILE_FLAG, exportKeyOption } from './export-key-flag.ts';
import { plural } from '../../../text/plural.ts';

export const tenantExport = defineCommand({
  path: ['tenant', 'export'],
  summary: "Exports a tenant's control-plane records and data space to one versioned file.",
  description:
    'Reads everything of the tenant in one consistent snapshot: the tenant, its members and their users, roles, domains,\n' +
    'invitations and API keys (secrets only as the hashes stored), every table of its data space, and its audit trail for\n' +
    'the record. The file is JSON Lines with a format version, signed (HMAC-SHA-256) with the export key of this\n' +
    'installation, so only an installation holding that key imports it; it is written atomically with mode 0600, as it\n' +
    'holds password hashes. `tenantry tenant import` restores it. To move a tenant to another installation, sign it with\n' +
    'a key you choose (--export-key-file) and give the same key to the import there.',
  args: [{ name: 'slug', description: "The tenant's slug.", field: 'slug' }],
  flags: [
    { name: 'out', type: 'string', placeholder: 'FILE', field: 'file', description: 'Where to write the export (required); - writes it to stdout.' },
    EXPORT_KEY_FILE_FLAG,
    ...CHANGE_FLAGS,
  ],
  json: true,
  examples: [
    { description: 'Back a tenant up before a risky change', command: 'tenantry tenant export acme-corp --out acme-corp.tenant.jsonl' },
    { description: 'Stream it somewhere else', command: 'tenantry tenant export acme-corp --out - | gzip > acme-corp.tenant.jsonl.gz' },
    {
      description: 'See which file it would write, with the tables and row counts',
      command: 'tenantry tenant export acme-corp --out acme-corp.tenant.jsonl --dry-run',
    },
    {
      description: 'Sign it for another installation',
      command: 'openssl rand -hex 32 > move.key && tenantry tenant export acme-corp --out acme-corp.tenant.jsonl --export-key-file move.key',
    },
  ],
  async run(ctx, input) {
    const out = input.flags.out;
    if (typeof out !== 'string' || out === '') throw TenantryError.invalidInput([{ path: 'file', message: 'is required: the file to write, or - for stdout' }]);
    const client = await ctx.client();
    const toStdout = out === '-';
    const result = await client.tenants.export(requiredArg(input, 'slug'), {
      file: toStdout ? null : out,
      ...(await exportKeyOption(input.flags)),
      ...changeOptions(input.flags),
    });
    const { text, ...summary } = result;
    if (summary.result === 'planned') return ctx.json ? ctx.outJson(summary) : renderChange(ctx, summary, { applied: '', unchanged: '' });
    if (toStdout) {
      ctx.io.stdout.write(text ?? '');
      if (!ctx.json) ctx.info(`Exported ${summary.tenant.slug}: ${summary.rows.control} control-plane and ${plural(summary.rows.data, 'data row')}.`);
      return;
    }
    if (ctx.json) return ctx.outJson(summary);
    ctx.out(`${ctx.style.green('✓')} Exported ${ctx.style.bold(summary.tenant.slug)} to ${out}`);
    ctx.out(
      fields([
        ['Isolation', `${summary.tenant.isolation}${summary.tenant.schemaName ? ` (${summary.tenant.schemaName})` : ''}`],
        ['Rows', `${summary.rows.control} control-plane, ${summary.rows.data} data, ${summary.rows.audit} audit events`],
        [
          'Tables',
          summary.tables
            .filter((table) => table.section === 'data')
            .map((table) => `${table.table} ${table.rows}`)
            .join(', ') || '(no data rows)',
        ],
        ['Size', `${summary.bytes} bytes, format ${summary.format} v${summary.version}`],
      ]),
    );
  },
});
