import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

export const tenantResume = defineCommand({
  path: ['tenant', 'resume'],
  summary: 'Resumes a suspended tenant.',
  args: [{ name: 'slug', description: "The tenant's slug.", field: 'slug' }],
  flags: [{ name: 'reason', type: 'string', placeholder: 'TEXT', field: 'reason', description: 'Why, for the audit trail.' }, ...CHANGE_FLAGS],
  json: true,
  examples: [{ description: 'Resume after payment', command: 'tenantry tenant resume acme-corp --reason "paid"' }],
  async run(ctx, input) {
    const slug = requiredArg(input, 'slug');
    const reason = input.flags.reason;
    const result = await (await ctx.client()).tenants.resume({ slug, ...(typeof reason === 'string' ? { reason } : {}) }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, { applied: `Resumed ${slug}`, unchanged: `${slug} is already active; nothing changed.` });
  },
});
