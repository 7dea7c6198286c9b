import { TenantryError } from '@tenantry/sdk';
import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';
import { formatMoment } from '../../output/format.ts';

export const tenantBilling = defineCommand({
  path: ['tenant', 'billing'],
  summary: 'Records until when a tenant has paid, or clears it; --end-trial converts a running trial to paying.',
  description:
    "A date (2027-01-31) means the end of that day in UTC; a date and time (2027-01-31T18:00:00Z) is taken as given. The doctor's TRIAL_ENDED_ACTIVE does not report a tenant paid past today, and `tenant view` shows the days left of whichever applies: the paid period or the trial.",
  args: [{ name: 'slug', description: "The tenant's slug.", field: 'slug' }],
  flags: [
    { name: 'paid-until', type: 'string', placeholder: 'DATE', field: 'paidUntil', description: 'The end of the period paid for.' },
    { name: 'clear-paid-until', type: 'boolean', field: 'paidUntil', description: 'Clear the paid-until date (no payment recorded).' },
    { name: 'end-trial', type: 'boolean', field: 'endTrial', description: 'End a running trial now: the tenant is paying.' },
    ...CHANGE_FLAGS,
  ],
  json: true,
  examples: [
    { description: 'The runbook: paid for a year, trial over', command: 'tenantry tenant billing acme-corp --paid-until 2027-12-31 --end-trial' },
    { description: 'See the plan first', command: 'tenantry tenant billing acme-corp --paid-until 2027-01-31 --dry-run' },
    { description: 'No payment on record any more', command: 'tenantry tenant billing acme-corp --clear-paid-until' },
  ],
  async run(ctx, input) {
    const slug = requiredArg(input, 'slug');
    const paid = input.flags['paid-until'];
    const clear = input.flags['clear-paid-until'] === true;
    if (clear === (typeof paid === 'string')) {
      throw TenantryError.invalidInput([{ path: 'paidUntil', message: 'pass either --paid-until DATE or --clear-paid-until' }]);
    }
    const client = await ctx.client();
    const result = await client.tenants.setBilling(
      { slug, paidUntil: clear ? null : (paid as string), endTrial: input.flags['end-trial'] === true },
      changeOptions(input.flags),
    );
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, {
      applied: result.paidUntil ? `${slug} is paid until ${formatMoment(result.paidUntil)}` : `${slug} has no payment on record`,
      unchanged: 'Nothing to change: the billing is already so.',
    });
  },
});
