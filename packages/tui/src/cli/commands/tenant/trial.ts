import { TenantryError } from '@tenantry/sdk';
import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';
import { formatMoment } from '../../output/format.ts';

export const tenantTrial = defineCommand({
  path: ['tenant', 'trial'],
  summary: 'Extends the trial of a tenant by a number of days (from its end, or from now when it has ended), or ends it now.',
  args: [{ name: 'slug', description: "The tenant's slug.", field: 'slug' }],
  flags: [
    { name: 'extend-days', type: 'integer', field: 'extendDays', description: 'Days to add, 1-365.' },
    { name: 'end', type: 'boolean', description: 'End the trial now instead (the customer paid, or the trial is cut short).' },
    ...CHANGE_FLAGS,
  ],
  json: true,
  examples: [
    { description: 'Two more weeks', command: 'tenantry tenant trial acme-corp --extend-days 14' },
    { description: 'End it today', command: 'tenantry tenant trial acme-corp --end' },
  ],
  async run(ctx, input) {
    const slug = requiredArg(input, 'slug');
    const days = input.flags['extend-days'];
    const end = input.flags.end === true;
    if (end === (typeof days === 'number')) {
      throw TenantryError.invalidInput([{ path: 'extendDays', message: 'pass either --extend-days N or --end' }]);
    }
    const client = await ctx.client();
    if (end) {
      const ended = await client.tenants.endTrial({ slug }, changeOptions(input.flags));
      if (ctx.json) return ctx.outJson(ended);
      return renderChange(ctx, ended, { applied: `The trial of ${slug} has ended`, unchanged: `${slug} has no running trial; nothing changed.` });
    }
    const result = await client.tenants.extendTrial({ slug, extendDays: days as number }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, {
      applied: `The trial of ${slug} now ends ${result.trialEndsAt ? formatMoment(result.trialEndsAt) : 'never'}`,
      unchanged: 'Nothing to change.',
    });
  },
});
