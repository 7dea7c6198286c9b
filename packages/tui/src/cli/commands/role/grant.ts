import { ROLES, type Role } from '@tenantry/sdk';
import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

export const roleGrant = defineCommand({
  path: ['role', 'grant'],
  summary: 'Grants a role to a member of a tenant.',
  description: `Roles: ${ROLES.join(', ')}. Only an owner (or the platform operator) grants owner. Granting a role the member holds changes nothing.`,
  args: [
    { name: 'slug', description: "The tenant's slug.", field: 'slug' },
    { name: 'email', description: "The member's email.", field: 'email' },
    { name: 'role', description: `One of ${ROLES.join(', ')}.`, field: 'role', choices: ROLES },
  ],
  flags: [...CHANGE_FLAGS],
  json: true,
  examples: [
    { description: 'Make a member an admin', command: 'tenantry role grant acme-corp ana@acme.com admin' },
    { description: 'A second owner, as JSON', command: 'tenantry role grant acme-corp cto@acme.com owner --json' },
  ],
  async run(ctx, input) {
    const slug = requiredArg(input, 'slug');
    const role = requiredArg(input, 'role') as Role;
    const result = await (await ctx.client()).roles.grant({ slug, email: requiredArg(input, 'email'), role }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, {
      applied: `Granted ${role} to ${result.member.email} in ${slug}`,
      unchanged: `${result.member.email} already has ${role} in ${slug}; nothing changed.`,
    });
  },
});
