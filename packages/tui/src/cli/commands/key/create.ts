import type { CreateApiKeyInput } from '@tenantry/sdk';
import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';
import { NEVER_EXPIRES_FLAG, expiryFromFlags, renderNewKey } from './render-key.ts';

export const keyCreate = defineCommand({
  path: ['key', 'create'],
  summary: 'Creates an API key for a tenant and shows it once.',
  description:
    'The key is tnt_<prefix>_<secret>; only the prefix and a hash are stored. Scopes are dotted names, a trailing * grants everything under it (assets.*), * alone everything. Needs the api_access feature (professional and enterprise, or `tenantry tenant feature SLUG api_access on`): without it, exit 7 FEATURE_NOT_ENABLED.',
  args: [{ name: 'slug', description: "The tenant's slug.", field: 'slug' }],
  flags: [
    { name: 'name', type: 'string', placeholder: 'NAME', field: 'name', description: 'What the key is for (required).' },
    {
      name: 'scope',
      type: 'list',
      placeholder: 'SCOPE',
      field: 'scopes',
      description: 'A scope the key grants (repeatable, or comma-separated; at least one).',
    },
    { name: 'expires-days', type: 'integer', field: 'expiresDays', description: 'Days until the key expires, 1-3650. Default: 365.' },
    NEVER_EXPIRES_FLAG,
    ...CHANGE_FLAGS,
  ],
  json: true,
  examples: [
    { description: 'A key for assets and devices', command: 'tenantry key create acme-corp --name "Primary API Key" --scope "assets.*" --scope "devices.*"' },
    {
      description: 'The key for a script',
      command: 'tenantry key create acme-corp --name ci --scope assets.read --expires-days 30 --json | jq -r .apiKey.key',
    },
  ],
  async run(ctx, input) {
    const { flags } = input;
    const scopes = ((flags.scope as string[] | undefined) ?? [])
      .flatMap((scope) => scope.split(','))
      .map((scope) => scope.trim())
      .filter(Boolean);
    const result = await (
      await ctx.client()
    ).apiKeys.create(
      // Validation (a missing --name too) is the SDK's.
      {
        slug: requiredArg(input, 'slug'),
        scopes,
        ...(typeof flags.name === 'string' ? { name: flags.name } : {}),
        ...expiryFromFlags(flags),
      } as CreateApiKeyInput,
      changeOptions(flags),
    );
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, {
      applied: `Created API key ${result.apiKey.prefix} ("${result.apiKey.name}") for ${result.apiKey.tenantSlug}`,
      unchanged: 'Nothing to change.',
    });
    renderNewKey(ctx, result);
  },
});
