import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';
import { CONFIRM_FLAG, confirmation } from './confirm-flag.ts';

export const tenantDelete = defineCommand({
  path: ['tenant', 'delete'],
  summary: 'Deletes a tenant softly: pending deletion for a grace period, restorable until purged.',
  description:
    'Its users, API keys and invitations stop working at once; its data space, members and domains stay, so\n' +
    '`tenantry tenant restore` brings everything back. Needs the exact name: --confirm without a terminal.',
  args: [{ name: 'slug', description: "The tenant's slug.", field: 'slug' }],
  flags: [
    CONFIRM_FLAG,
    { name: 'grace-days', type: 'integer', field: 'graceDays', description: 'Days it stays restorable before it may be purged, 1-365. Default: 30.' },
    { name: 'reason', type: 'string', placeholder: 'TEXT', field: 'reason', description: 'Why, for the audit trail.' },
    ...CHANGE_FLAGS,
  ],
  json: true,
  examples: [
    { description: 'Delete, typing the name back', command: 'tenantry tenant delete acme-corp --confirm "Acme Corp"' },
    { description: 'See the plan first', command: 'tenantry tenant delete acme-corp --dry-run' },
  ],
  async run(ctx, input) {
    const slug = requiredArg(input, 'slug');
    const { flags } = input;
    const options = changeOptions(flags);
    const dryRun = options.dryRun;
    const client = await ctx.client();
    const request = {
      slug,
      ...(typeof flags['grace-days'] === 'number' ? { graceDays: flags['grace-days'] } : {}),
      ...(typeof flags.reason === 'string' ? { reason: flags.reason } : {}),
    };
    const confirmed = await confirmation(ctx, client, { slug, confirm: flags.confirm, dryRun, title: `Delete tenant ${slug}` }, () =>
      client.tenants.delete(request, { dryRun: true }),
    );
    const { confirm, expectFingerprint } = confirmed;
    const result = await client.tenants.delete(
      { ...request, ...(confirm === undefined ? {} : { confirm }) },
      { ...options, ...(expectFingerprint ? { expectFingerprint } : {}) },
    );
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, {
      applied: `${slug} is pending deletion; restorable until ${result.deletionScheduledAt ?? '?'} with \`tenantry tenant restore ${slug}\``,
      unchanged: `${slug} is already pending deletion (until ${result.deletionScheduledAt ?? '?'}); nothing changed.`,
    });
  },
});
