import type { CreateServiceTokenInput } from '@tenantry/sdk';
import { CHANGE_FLAGS, changeOptions, defineCommand } from '../../command.ts';
import { renderChange } from '../../output/change.ts';
import { fields } from '../../output/format.ts';

const SHOWN_ONCE = 'shown once: store it now; only its prefix and hash are kept';

export const tokenCreate = defineCommand({
  path: ['token', 'create'],
  summary: 'Creates a platform service token for the HTTP API and shows it once.',
  description:
    'The token is tts_<prefix>_<secret>, sent as `Authorization: Bearer <token>` on platform API calls; only the prefix and a hash\n' +
    'are stored. The name is unique among tokens not revoked. Platform operator only; audited as service_token.created, without the token.',
  flags: [
    { name: 'name', type: 'string', placeholder: 'NAME', field: 'name', description: 'What the token is for (required).' },
    { name: 'expires-days', type: 'integer', field: 'expiresDays', description: 'Days until the token expires, 1-3650. Default: 90.' },
    ...CHANGE_FLAGS,
  ],
  json: true,
  examples: [
    { description: 'A token for the billing service', command: 'tenantry token create --name billing-api' },
    { description: 'The token for a script', command: 'tenantry token create --name deploy --expires-days 30 --json | jq -r .serviceToken.token' },
  ],
  async run(ctx, input) {
    const { flags } = input;
    const days = flags['expires-days'];
    const result = await (
      await ctx.client()
    ).tokens.create(
      // Validation (a missing --name too) is the SDK's.
      {
        ...(typeof flags.name === 'string' ? { name: flags.name } : {}),
        ...(typeof days === 'number' ? { expiresDays: days } : {}),
      } as CreateServiceTokenInput,
      changeOptions(flags),
    );
    const token = result.serviceToken.token;
    if (ctx.json) {
      if (token) ctx.info(`The token in .serviceToken.token is ${SHOWN_ONCE}.`);
      return ctx.outJson(result);
    }
    renderChange(ctx, result, {
      applied: `Created service token ${result.serviceToken.prefix} ("${result.serviceToken.name}")`,
      unchanged: 'Nothing to change.',
    });
    if (result.result !== 'applied' || !token) return;
    ctx.out(
      fields([
        ['Token', `${ctx.style.bold(token)}  ${ctx.style.yellow(`(${SHOWN_ONCE})`)}`],
        ['Expires', result.serviceToken.expiresAt ?? 'never'],
      ]),
    );
  },
});
