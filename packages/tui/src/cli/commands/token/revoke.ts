import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

export const tokenRevoke = defineCommand({
  path: ['token', 'revoke'],
  summary: 'Revokes a platform service token at once.',
  description: 'Calls with the token are refused from then on. Revoking a revoked token changes nothing (exit 0).',
  args: [{ name: 'prefix', description: 'The prefix of the token (from `tenantry token list`), or tts_<prefix>.', field: 'prefix' }],
  flags: [...CHANGE_FLAGS],
  json: true,
  examples: [
    { description: 'Revoke a token', command: 'tenantry token revoke k3x9a2bq' },
    { description: 'See what it would do', command: 'tenantry token revoke k3x9a2bq --dry-run' },
  ],
  async run(ctx, input) {
    const result = await (await ctx.client()).tokens.revoke({ prefix: requiredArg(input, 'prefix') }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, {
      applied: `Revoked service token ${result.serviceToken.prefix} ("${result.serviceToken.name}")`,
      unchanged: `Service token ${result.serviceToken.prefix} was already revoked; nothing changed.`,
    });
  },
});
