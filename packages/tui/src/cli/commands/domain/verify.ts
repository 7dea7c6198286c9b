import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

export const domainVerify = defineCommand({
  path: ['domain', 'verify'],
  summary: 'Verifies a custom domain by looking up its DNS TXT record.',
  description:
    'Looks up TXT _tenantry.<hostname> (through $TENANTRY_DNS_SERVERS when set) and marks the domain verified when it holds the token\n' +
    "(and primary when it is the tenant's first verified domain). Exits 7 when the record is missing or wrong. --dry-run shows the\n" +
    'record it looks up and what the lookup finds, and writes nothing.',
  args: [
    { name: 'slug', description: "The tenant's slug.", field: 'slug' },
    { name: 'hostname', description: 'The hostname to verify.', field: 'hostname' },
  ],
  flags: [...CHANGE_FLAGS],
  json: true,
  examples: [
    { description: 'Verify after publishing the TXT record', command: 'tenantry domain verify acme-corp dashboard.client.com' },
    { description: 'See whether the record is there yet, changing nothing', command: 'tenantry domain verify acme-corp dashboard.client.com --dry-run' },
    { description: 'Ask a specific DNS server', command: 'TENANTRY_DNS_SERVERS=1.1.1.1 tenantry domain verify acme-corp dashboard.client.com --json' },
  ],
  async run(ctx, input) {
    const slug = requiredArg(input, 'slug');
    const result = await (await ctx.client()).domains.verify({ slug, hostname: requiredArg(input, 'hostname') }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, {
      applied: `Verified ${result.domain.displayHostname} for ${slug}`,
      unchanged: `${result.domain.displayHostname} is already verified; nothing changed.`,
    });
  },
});
