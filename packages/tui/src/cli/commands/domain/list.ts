import type { DomainRecordDto } from '@tenantry/sdk';
import { defineCommand, requiredArg } from '../../command.ts';
import { renderTable, type Column } from '../../output/table.ts';

export const domainList = defineCommand({
  path: ['domain', 'list'],
  aliases: [['domain', 'ls']],
  summary: 'Lists the domains of a tenant, primary first, with verification status and the TXT record to publish.',
  args: [{ name: 'slug', description: "The tenant's slug.", field: 'slug' }],
  json: true,
  examples: [
    { description: "A tenant's domains", command: 'tenantry domain list acme-corp' },
    { description: 'The primary hostname', command: "tenantry domain list acme-corp --json | jq -r '.[] | select(.isPrimary) | .hostname'" },
  ],
  async run(ctx, input) {
    const domains = await (await ctx.client()).domains.list(requiredArg(input, 'slug'));
    if (ctx.json) return ctx.outJson(domains);
    const columns: Column<DomainRecordDto>[] = [
      { header: 'hostname', value: (d) => (d.displayHostname === d.hostname ? d.hostname : `${d.displayHostname} (${d.hostname})`) },
      { header: 'kind', value: (d) => d.kind },
      { header: 'primary', value: (d) => (d.isPrimary ? '★ primary' : '-') },
      { header: 'verified', value: (d) => (d.verified ? '✓ verified' : '✗ unverified') },
      { header: 'txt record', value: (d) => (d.verification ? `${d.verification.recordName} = ${d.verification.recordValue}` : '-'), shrink: true },
    ];
    ctx.io.stdout.write(renderTable(ctx.io, columns, domains));
  },
});
