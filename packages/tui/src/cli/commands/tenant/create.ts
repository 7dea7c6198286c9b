import { TenantryError, provisionInputIssues, type ProvisionTenantInput } from '@tenantry/sdk';
import { changeOptions, defineCommand } from '../../command.ts';
import { CREATE_TENANT_FLAGS, provisionInputFromFlags } from './create-flags.ts';
import { renderProvisionSummary } from './provision-summary.ts';

export const tenantCreate = defineCommand({
  path: ['tenant', 'create'],
  aliases: [['provision']],
  summary: 'Provisions a tenant with its owner, plan, limits and domains, in one transaction.',
  description:
    'Creates the organization, its owner (with a one-time password unless one is given), the owner role, the primary\n' +
    'domain and the audit trail, all or nothing. Re-running the identical command reports "unchanged". On a terminal,\n' +
    'missing required values are asked for and the plan is shown before anything is written. --adopt-schema provisions\n' +
    'around an existing schema (a django-tenants one): it is checked against the blueprint, the migrations it has are\n' +
    'recorded without running them and the rest run, in the same transaction; anything else in it is refused.',
  flags: CREATE_TENANT_FLAGS,
  json: true,
  examples: [
    {
      description: 'Create a tenant; the owner gets a generated one-time password',
      command: 'tenantry tenant create --name "Acme Corp" --owner-email owner@acme.com',
    },
    {
      description: 'Professional plan with custom limits, a custom domain and a trial',
      command:
        'tenantry tenant create --name "Enterprise Client" --owner-email it@client.com --plan professional --max-users 80 --domain app.client.com --trial-days 14',
    },
    {
      description: 'Show the plan without writing anything',
      command: 'tenantry provision --name "Pilot" --slug pilot --owner-email owner@pilot.example.com --dry-run',
    },
    {
      description: 'Name the schema of a schema-isolated tenant',
      command: 'tenantry tenant create --name "Theo Stam" --owner-email owner@theo.example --schema-name theo',
    },
    {
      description: 'Adopt the existing django-tenants schema theo: see which migrations it has (recorded, not run) before applying',
      command: 'tenantry tenant create --name "Theo Stam" --owner-email owner@theo.example --isolation schema --schema-name theo --adopt-schema --dry-run',
    },
    {
      description: 'Make an existing user the owner of a second tenant, as JSON',
      command: 'tenantry tenant create --name "Acme EU" --owner-email owner@acme.com --allow-existing-user --json',
    },
  ],
  reportsFlagIssues: true,
  async run(ctx, { flags, issues }) {
    const input = provisionInputFromFlags(flags);
    const options = changeOptions(flags);
    const dryRun = options.dryRun;
    const prompting = ctx.interactive && !ctx.json && (!input.name || !input.ownerEmail);
    // Every problem at once: flags that did not parse, then the SDK's validation (minus what will be asked).
    const problems = [...issues, ...provisionInputIssues(input)].filter((issue) => !(prompting && issue.message === 'is required'));
    if (problems.length > 0) throw TenantryError.invalidInput(problems);
    const client = await ctx.client();
    if (prompting) {
      const { createTenantFlow } = await import('../../../flows/create-tenant.ts');
      const result = await createTenantFlow({ client, input, dryRun, io: ctx.io });
      ctx.out(renderProvisionSummary(result, ctx.style));
      return;
    }
    // Validated above: name and ownerEmail are present.
    const result = await client.tenants.provision(input as ProvisionTenantInput, options);
    if (ctx.json) ctx.outJson(result);
    else ctx.out(renderProvisionSummary(result, ctx.style));
  },
});
