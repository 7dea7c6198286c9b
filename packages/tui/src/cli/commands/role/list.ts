import { ROLES, permissionTable, type PermissionRow, type RoleAssignmentDto } from '@tenantry/sdk';
import { defineCommand } from '../../command.ts';
import { listEnvelope } from '../../output/list-envelope.ts';
import { renderTable, type Column } from '../../output/table.ts';

export const roleList = defineCommand({
  path: ['role', 'list'],
  aliases: [['role', 'ls']],
  summary: 'Lists the role assignments of a tenant, or without a tenant what each role may do.',
  args: [{ name: 'slug', description: "The tenant's slug; leave out for the permission table.", field: 'slug', optional: true }],
  json: true,
  examples: [
    { description: 'Who holds which role', command: 'tenantry role list acme-corp' },
    { description: 'What each role may do', command: 'tenantry role list' },
  ],
  async run(ctx, input) {
    const slug = input.args.slug;
    if (slug === undefined) {
      const table = permissionTable();
      if (ctx.json) return ctx.outJson(listEnvelope(table));
      const columns: Column<PermissionRow>[] = [
        { header: 'operation', value: (row) => row.operation },
        ...ROLES.map((role) => ({
          header: role,
          value: (row: PermissionRow, terminal: boolean) => (row.roles.includes(role) ? (terminal ? '✓' : 'yes') : '-'),
        })),
        { header: 'platform', value: (_row: PermissionRow, terminal: boolean) => (terminal ? '✓' : 'yes') },
      ];
      return void ctx.io.stdout.write(renderTable(ctx.io, columns, table));
    }
    const assignments = await (await ctx.client()).roles.list(slug);
    if (ctx.json) return ctx.outJson(listEnvelope(assignments));
    const columns: Column<RoleAssignmentDto>[] = [
      { header: 'email', value: (row) => row.email },
      { header: 'role', value: (row) => row.role },
    ];
    ctx.io.stdout.write(renderTable(ctx.io, columns, assignments));
  },
});
