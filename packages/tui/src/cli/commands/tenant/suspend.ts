import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

export const tenantSuspend = defineCommand({
  path: ['tenant', 'suspend'],
  summary: 'Suspends a tenant: its users and API keys stop working until it is resumed.',
  args: [{ name: 'slug', description: "The tenant's slug.", field: 'slug' }],
  flags: [{ name: 'reason', type: 'string', placeholder: 'TEXT', field: 'reason', description: 'Why, for the audit trail and the users.' }, ...CHANGE_FLAGS],
  json: true,
  examples: [{ description: 'Suspend for an unpaid invoice', command: 'tenantry tenant suspend acme-corp --reason "invoice 2026-11 unpaid"' }],
  async run(ctx, input) {
    const slug = requiredArg(input, 'slug');
    const reason = input.flags.reason;
    const result = await (await ctx.client()).tenants.suspend({ slug, ...(typeof reason === 'string' ? { reason } : {}) }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, { applied: `Suspended ${slug}`, unchanged: `${slug} is already suspended; nothing changed.` });
  },
});
