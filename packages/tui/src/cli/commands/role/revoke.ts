import { ROLES, type Role } from '@tenantry/sdk';
import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

export const roleRevoke = defineCommand({
  path: ['role', 'revoke'],
  summary: "Revokes a role from a member of a tenant; never the last owner's owner role.",
  description: 'Only an owner (or the platform operator) revokes owner. Revoking a role the member does not hold changes nothing.',
  args: [
    { name: 'slug', description: "The tenant's slug.", field: 'slug' },
    { name: 'email', description: "The member's email.", field: 'email' },
    { name: 'role', description: `One of ${ROLES.join(', ')}.`, field: 'role', choices: ROLES },
  ],
  flags: [...CHANGE_FLAGS],
  json: true,
  examples: [
    { description: 'Take admin away', command: 'tenantry role revoke acme-corp ana@acme.com admin' },
    { description: 'See what would happen', command: 'tenantry role revoke acme-corp cto@acme.com owner --dry-run' },
  ],
  async run(ctx, input) {
    const slug = requiredArg(input, 'slug');
    const role = requiredArg(input, 'role') as Role;
    const result = await (await ctx.client()).roles.revoke({ slug, email: requiredArg(input, 'email'), role }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, {
      applied: `Revoked ${role} from ${result.member.email} in ${slug}`,
      unchanged: `${result.member.email} does not have ${role} in ${slug}; nothing changed.`,
    });
  },
});
