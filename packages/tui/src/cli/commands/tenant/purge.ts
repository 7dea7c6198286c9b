import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultHome } from '@tenantry/sdk';
import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';
import { CONFIRM_FLAG, confirmation } from './confirm-flag.ts';

export const tenantPurge = defineCommand({
  path: ['tenant', 'purge'],
  summary: 'Removes a tenant pending deletion for good, keeping a tombstone and the audit trail.',
  description:
    'Drops its data space and deletes its members (and accounts in no other tenant), domains, API keys and invitations,\n' +
    'in one transaction. Only after `tenantry tenant delete`, once the grace period is over (--force before). The slug is\n' +
    'never reused. Needs the exact name: --confirm without a terminal. First it writes an export of the tenant (restorable\n' +
    'with `tenantry tenant import`) to --export-file, by default <TENANTRY_HOME>/exports/<slug>-<time>.tenant.jsonl,\n' +
    'unless --no-export; if the export fails, nothing is purged.',
  args: [{ name: 'slug', description: "The tenant's slug.", field: 'slug' }],
  flags: [
    CONFIRM_FLAG,
    { name: 'force', type: 'boolean', field: 'force', description: 'Purge before the grace period ends.' },
    {
      name: 'export-file',
      type: 'string',
      placeholder: 'FILE',
      description: 'Where the export written before purging goes. Default: <TENANTRY_HOME>/exports/<slug>-<time>.tenant.jsonl.',
    },
    { name: 'no-export', type: 'boolean', description: 'Purge without writing an export first.' },
    ...CHANGE_FLAGS,
  ],
  json: true,
  examples: [
    { description: 'Purge after the grace period', command: 'tenantry tenant purge acme-corp --confirm "Acme Corp"' },
    { description: 'What would be removed', command: 'tenantry tenant purge acme-corp --dry-run --force --json' },
  ],
  async run(ctx, input) {
    const slug = requiredArg(input, 'slug');
    const { flags } = input;
    const options = changeOptions(flags);
    const dryRun = options.dryRun;
    const force = flags.force === true;
    const client = await ctx.client();
    const { confirm, expectFingerprint } = await confirmation(
      ctx,
      client,
      { slug, confirm: flags.confirm, dryRun, title: `Purge tenant ${slug} for good` },
      () => client.tenants.purge({ slug, force }, { dryRun: true }),
    );
    // The export comes first, and only once the purge is known to be allowed (state, grace period).
    const exportFile =
      typeof flags['export-file'] === 'string'
        ? flags['export-file']
        : join(defaultHome(ctx.io.env), 'exports', `${slug}-${new Date().toISOString().replace(/[:.]/g, '-')}.tenant.jsonl`);
    const wanted = flags['no-export'] !== true && !dryRun && (await client.tenants.purge({ slug, force }, { dryRun: true })).result === 'planned';
    let exported: { file: string; bytes: number; rows: { control: number; data: number; audit: number } } | null = null;
    if (wanted) {
      mkdirSync(dirname(exportFile), { recursive: true });
      const { file, bytes, rows } = await client.tenants.export(slug, { file: exportFile });
      exported = { file: file ?? exportFile, bytes, rows };
      if (!ctx.json) ctx.info(`Exported ${slug} to ${exportFile} (restore with \`tenantry tenant import ${exportFile}\`).`);
    }
    if (dryRun && flags['no-export'] !== true && !ctx.json) ctx.info(`Purging would first export ${slug} to ${exportFile}.`);
    const result = await client.tenants.purge(
      { slug, force, ...(confirm === undefined ? {} : { confirm }) },
      { ...options, ...(expectFingerprint ? { expectFingerprint } : {}) },
    );
    if (ctx.json) return ctx.outJson({ ...result, export: exported });
    const counts = result.counts;
    const removed = counts
      ? ` (${counts.members} members, ${counts.usersDeleted} accounts, ${counts.domains} domains, ${counts.apiKeys} API keys, ${counts.invitations} invitations)`
      : '';
    renderChange(ctx, result, {
      applied: `Purged ${slug}${removed}; its tombstone and audit trail remain`,
      unchanged: `${slug} was already purged; nothing changed.`,
    });
  },
});
