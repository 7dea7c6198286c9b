import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

export const domainPrimary = defineCommand({
  path: ['domain', 'primary'],
  summary: "Makes a verified hostname the tenant's primary domain, creating <slug>.<base domain> when missing.",
  description:
    "The repair for a tenant whose domain is missing or wrong (the runbooks' fix_tenant_domain): one command, a plan first\n" +
    'with --dry-run. A custom domain must be verified first (DOMAIN_UNVERIFIED otherwise: domain add, domain verify).',
  args: [
    { name: 'slug', description: "The tenant's slug.", field: 'slug' },
    { name: 'hostname', description: 'The hostname to make primary.', field: 'hostname' },
  ],
  flags: [...CHANGE_FLAGS],
  json: true,
  examples: [
    {
      description: 'Fix a tenant with no or the wrong domain',
      command: 'TENANTRY_BASE_DOMAIN=newconcierge.app tenantry domain primary theo theo.newconcierge.app',
    },
    { description: 'Move the primary to a verified custom domain, plan first', command: 'tenantry domain primary theo portal.theo.com --dry-run' },
  ],
  async run(ctx, input) {
    const slug = requiredArg(input, 'slug');
    const result = await (await ctx.client()).domains.setPrimary({ slug, hostname: requiredArg(input, 'hostname') }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    const created = result.steps.some((step) => step.action === 'add-domain');
    renderChange(ctx, result, {
      applied: `${result.domain.displayHostname} is now the primary domain of ${slug}${created ? ' (added)' : ''}`,
      unchanged: `${result.domain.displayHostname} is already the primary domain of ${slug}; nothing changed.`,
    });
  },
});
