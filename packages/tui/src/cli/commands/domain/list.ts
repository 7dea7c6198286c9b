import type { DomainDto } from '@tenantry/sdk';
import { defineCommand, requiredArg } from '../../command.ts';
import { listEnvelope } from '../../output/list-envelope.ts';
import { renderTable, type Column } from '../../output/table.ts';

export const domainList = defineCommand({
  path: ['domain', 'list'],
  aliases: [['domain', 'ls']],
  summary: 'Lists the domains of a tenant, primary first, with verification status and the TXT record to publish.',
  args: [{ name: 'slug', description: "The tenant's slug.", field: 'slug' }],
  json: true,
  examples: [
    { description: "A tenant's domains", command: 'tenantry domain list acme-corp' },
    { description: 'The primary hostname', command: "tenantry domain list acme-corp --json | jq -r '.items[] | select(.isPrimary) | .hostname'" },
  ],
  async run(ctx, input) {
    const domains = await (await ctx.client()).domains.list(requiredArg(input, 'slug'));
    if (ctx.json) return ctx.outJson(listEnvelope(domains));
    const columns: Column<DomainDto>[] = [
      { header: 'hostname', value: (d) => (d.displayHostname === d.hostname ? d.hostname : `${d.displayHostname} (${d.hostname})`) },
      { header: 'kind', value: (d) => d.kind, dropOrder: 1 },
      { header: 'primary', value: (d, terminal) => (d.isPrimary ? (terminal ? '★ primary' : 'primary') : '-') },
      { header: 'verified', value: (d, terminal) => (d.verified ? (terminal ? '✓ verified' : 'verified') : terminal ? '✗ unverified' : 'unverified') },
      { header: 'txt record', value: (d) => (d.verification ? `${d.verification.recordName} = ${d.verification.recordValue}` : '-') },
    ];
    ctx.io.stdout.write(renderTable(ctx.io, columns, domains));
  },
});
