import type { SeededTableDto } from '@tenantry/sdk';
import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

export const tenantSeedDemo = defineCommand({
  path: ['tenant', 'seed-demo'],
  summary: "Seeds the blueprint's demo data into an existing tenant, as provisioning does unless --skip-demo-data.",
  description:
    'One transaction, with the very statements provisioning runs for demo data (--dry-run shows them). Refused while\n' +
    "any of the tenant's tables holds a row (DATA_SPACE_NOT_EMPTY, exit 7, naming each table and its rows), unless\n" +
    '--add-to-existing: the demo rows are then added alongside, nothing is deleted or replaced, and a demo row that\n' +
    'collides with one already there (DEMO_DATA_CONFLICT, exit 6) adds nothing at all. Also refused for a suspended\n' +
    'tenant or one pending deletion, one behind the blueprint (run `tenantry migrate apply` first), or a blueprint\n' +
    'without demo data. Platform only.',
  args: [{ name: 'slug', description: "The tenant's slug.", field: 'slug' }],
  flags: [
    {
      name: 'add-to-existing',
      type: 'boolean',
      field: 'addToExisting',
      description: "Seed even though the tenant's tables hold rows: add the demo rows alongside them (deletes nothing).",
    },
    ...CHANGE_FLAGS,
  ],
  json: true,
  examples: [
    { description: 'A tenant created with --skip-demo-data gets the demo data after all', command: 'tenantry tenant seed-demo acme-corp' },
    { description: 'See the statements first', command: 'tenantry tenant seed-demo acme-corp --dry-run' },
    { description: 'Add it to a tenant already in use', command: 'tenantry tenant seed-demo acme-corp --add-to-existing' },
  ],
  async run(ctx, input) {
    const slug = requiredArg(input, 'slug');
    const client = await ctx.client();
    const result = await client.tenants.seedDemo({ slug, addToExisting: input.flags['add-to-existing'] === true }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, { applied: `Seeded demo data in ${slug}: ${added(result.tables)}`, unchanged: 'Nothing was seeded.' });
  },
});

/** "assets +3, devices +2": the tables the demo data added rows to. */
function added(tables: readonly SeededTableDto[]): string {
  const grown = tables.filter((table) => (table.added ?? 0) > 0);
  return grown.length > 0 ? grown.map((table) => `${table.table} +${table.added ?? 0}`).join(', ') : 'no rows added';
}
