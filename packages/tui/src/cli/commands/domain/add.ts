import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

export const domainAdd = defineCommand({
  path: ['domain', 'add'],
  summary: 'Adds a domain to a tenant; custom domains start unverified with a DNS TXT token.',
  description:
    'Hostnames are lowercased and IDNA-encoded, and unique across tenants. Under $TENANTRY_BASE_DOMAIN a tenant may add\n' +
    'exactly <slug>.<base domain>, verified at once; any other name there is refused. Consumer mail domains (gmail.com,\n' +
    'outlook.com, …) are refused as custom domains. A custom domain becomes primary only once verified (domain verify,\n' +
    "then --primary or domain primary). A tenant's first verified domain is primary.",
  args: [
    { name: 'slug', description: "The tenant's slug.", field: 'slug' },
    { name: 'hostname', description: 'The hostname, e.g. app.client.com or bücher.example.', field: 'hostname' },
  ],
  flags: [{ name: 'primary', type: 'boolean', field: 'primary', description: 'Make it the primary domain (a verified one only).' }, ...CHANGE_FLAGS],
  json: true,
  examples: [
    { description: 'Add a custom domain', command: 'tenantry domain add acme-corp dashboard.client.com' },
    {
      description: 'Make it primary once verified',
      command: 'tenantry domain verify acme-corp dashboard.client.com && tenantry domain add acme-corp dashboard.client.com --primary --json',
    },
  ],
  async run(ctx, input) {
    const slug = requiredArg(input, 'slug');
    const result = await (
      await ctx.client()
    ).domains.add({ slug, hostname: requiredArg(input, 'hostname'), primary: input.flags.primary === true }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    const { domain } = result;
    renderChange(ctx, result, {
      applied: `Added ${domain.isPrimary ? 'primary ' : ''}${domain.kind} domain ${domain.displayHostname} to ${slug}`,
      unchanged: `${slug} already has ${domain.displayHostname}; nothing changed.`,
    });
    if (result.result === 'applied' && domain.verification) {
      ctx.out(
        `  Publish TXT ${domain.verification.recordName} = "${domain.verification.recordValue}", then run \`tenantry domain verify ${slug} ${domain.hostname}\`.`,
      );
    }
  },
});
