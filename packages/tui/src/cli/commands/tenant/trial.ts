import { TenantryError } from '@tenantry/sdk';
import { DRY_RUN_FLAG, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';
import { formatMoment } from '../../output/format.ts';

export const tenantTrial = defineCommand({
  path: ['tenant', 'trial'],
  summary: 'Extends the trial of a tenant by a number of days (from its end, or from now when it has ended).',
  args: [{ name: 'slug', description: "The tenant's slug.", field: 'slug' }],
  flags: [{ name: 'extend-days', type: 'integer', field: 'extendDays', description: 'Days to add, 1-365 (required).' }, DRY_RUN_FLAG],
  json: true,
  examples: [{ description: 'Two more weeks', command: 'tenantry tenant trial acme-corp --extend-days 14' }],
  async run(ctx, input) {
    const slug = requiredArg(input, 'slug');
    const days = input.flags['extend-days'];
    if (typeof days !== 'number') throw TenantryError.invalidInput([{ path: 'extendDays', message: 'is required' }]);
    const result = await (await ctx.client()).tenants.extendTrial({ slug, extendDays: days }, { dryRun: input.flags['dry-run'] === true });
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, { applied: `The trial of ${slug} now ends ${result.trialEndsAt ? formatMoment(result.trialEndsAt) : 'never'}`, unchanged: 'Nothing to change.' });
  },
});
