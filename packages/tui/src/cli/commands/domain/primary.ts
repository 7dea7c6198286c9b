import { DRY_RUN_FLAG, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

export const domainPrimary = defineCommand({
  path: ['domain', 'primary'],
  summary: "Makes a hostname the tenant's primary domain, creating it when the tenant does not have it.",
  description: "The repair for a tenant whose domain is missing or wrong (the runbooks' fix_tenant_domain): one command, a plan first with --dry-run.",
  args: [
    { name: 'slug', description: "The tenant's slug.", field: 'slug' },
    { name: 'hostname', description: 'The hostname to make primary.', field: 'hostname' },
  ],
  flags: [DRY_RUN_FLAG],
  json: true,
  examples: [
    { description: 'Fix a tenant with no or the wrong domain', command: 'tenantry domain primary theo theo.newconcierge.app' },
    { description: 'See the plan first', command: 'tenantry domain primary theo theo.newconcierge.app --dry-run' },
  ],
  async run(ctx, input) {
    const slug = requiredArg(input, 'slug');
    const result = await (await ctx.client()).domains.setPrimary({ slug, hostname: requiredArg(input, 'hostname') }, { dryRun: input.flags['dry-run'] === true });
    if (ctx.json) return ctx.outJson(result);
    const created = result.steps.some((step) => step.action === 'add-domain');
    renderChange(ctx, result, {
      applied: `${result.domain.displayHostname} is now the primary domain of ${slug}${created ? ' (added)' : ''}`,
      unchanged: `${result.domain.displayHostname} is already the primary domain of ${slug}; nothing changed.`,
    });
  },
});
