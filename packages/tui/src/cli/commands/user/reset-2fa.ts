import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

export const userResetTwoFactor = defineCommand({
  path: ['user', 'reset-2fa'],
  summary: "Removes a user's authenticator and recovery codes (a lost phone).",
  description:
    'Sign-in stops asking for a code; a tenant whose policy requires 2FA answers that the user must enroll again. Platform\n' +
    'operator only; audited as user.totp_reset (event user.two_factor_reset). Check who is asking first: this removes a\n' +
    'second factor.',
  args: [{ name: 'email', description: "The user's email.", field: 'email' }],
  flags: [...CHANGE_FLAGS],
  json: true,
  examples: [
    { description: 'A user lost their phone', command: 'tenantry user reset-2fa jane@acme.com' },
    { description: 'See what it would do', command: 'tenantry user reset-2fa jane@acme.com --dry-run' },
  ],
  async run(ctx, input) {
    const result = await (await ctx.client()).users.resetTotp({ email: requiredArg(input, 'email') }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, {
      applied: `Removed the authenticator of ${result.user.email}`,
      unchanged: `${result.user.email} has no authenticator; nothing changed.`,
    });
  },
});
