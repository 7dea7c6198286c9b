import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

export const tenantRestore = defineCommand({
  path: ['tenant', 'restore'],
  summary: 'Restores a tenant pending deletion, with everything it had, to the status it had.',
  args: [{ name: 'slug', description: "The tenant's slug.", field: 'slug' }],
  flags: [...CHANGE_FLAGS],
  json: true,
  examples: [{ description: 'Undo a deletion', command: 'tenantry tenant restore acme-corp' }],
  async run(ctx, input) {
    const slug = requiredArg(input, 'slug');
    const result = await (await ctx.client()).tenants.restore({ slug }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    const status = result.changes.find((change) => change.field === 'status')?.to;
    renderChange(ctx, result, { applied: `Restored ${slug} (${String(status)})`, unchanged: 'Nothing to change.' });
  },
});
