import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';
import { NEVER_EXPIRES_FLAG, expiryFromFlags, renderNewKey } from './render-key.ts';

export const keyRotate = defineCommand({
  path: ['key', 'rotate'],
  summary: 'Issues a new API key with the same name and scopes; the old one works for an overlap period.',
  description:
    'Clients switch to the new key during the overlap (default 24 hours); then the old key expires. 0 ends it at once. Needs the api_access feature, like key create.',
  args: [
    { name: 'slug', description: "The tenant's slug.", field: 'slug' },
    { name: 'prefix', description: 'The prefix of the key to rotate (from `tenantry key list`).', field: 'prefix' },
  ],
  flags: [
    { name: 'overlap-hours', type: 'integer', field: 'overlapHours', description: 'Hours the old key keeps working, 0-720. Default: 24.' },
    { name: 'expires-days', type: 'integer', field: 'expiresDays', description: "Days until the new key expires. Default: the old key's lifetime." },
    NEVER_EXPIRES_FLAG,
    ...CHANGE_FLAGS,
  ],
  json: true,
  examples: [
    { description: 'Rotate with a day of overlap', command: 'tenantry key rotate acme-corp k3x9a2bq' },
    { description: 'Rotate a leaked key at once', command: 'tenantry key rotate acme-corp k3x9a2bq --overlap-hours 0 --json' },
  ],
  async run(ctx, input) {
    const { flags } = input;
    const overlap = flags['overlap-hours'];
    const result = await (
      await ctx.client()
    ).apiKeys.rotate(
      {
        slug: requiredArg(input, 'slug'),
        prefix: requiredArg(input, 'prefix'),
        ...(typeof overlap === 'number' ? { overlapHours: overlap } : {}),
        ...expiryFromFlags(flags),
      },
      changeOptions(flags),
    );
    if (ctx.json) return ctx.outJson(result);
    const until = result.previous.expiresAt ?? 'now';
    renderChange(ctx, result, {
      applied: `Rotated ${result.previous.prefix}: new key ${result.apiKey.prefix}; the old one works until ${until}`,
      unchanged: 'Nothing to change.',
    });
    renderNewKey(ctx, result);
  },
});
