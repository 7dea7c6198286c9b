import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';
import { fields } from '../../output/format.ts';

export const userResetPassword = defineCommand({
  path: ['user', 'reset-password'],
  summary: 'Issues a new one-time password for a user and shows it once.',
  description:
    'The old password stops working; the new one must be changed at first sign-in. For an owner whose one-time password\n' +
    'was lost (a bulk run killed before it showed it: the re-run reports the owner as awaitingFirstSignIn), or a user who\n' +
    'cannot sign in. Platform operator only; audited as user.password_reset, without the password.',
  args: [{ name: 'email', description: "The user's email.", field: 'email' }],
  flags: [...CHANGE_FLAGS],
  json: true,
  examples: [
    { description: 'A new one-time password for an owner', command: 'tenantry user reset-password owner@acme.com' },
    { description: 'See what it would do', command: 'tenantry user reset-password owner@acme.com --dry-run' },
    { description: 'For a script (the password is in .oneTimePassword)', command: 'tenantry user reset-password owner@acme.com --json' },
  ],
  async run(ctx, input) {
    const result = await (await ctx.client()).users.resetPassword({ email: requiredArg(input, 'email') }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    if (result.result === 'planned') return renderChange(ctx, result, { applied: '', unchanged: '' });
    ctx.out(`${ctx.style.green('✓')} Issued a new one-time password for ${result.user.email}`);
    ctx.out(
      fields([
        ['Username', result.user.email],
        ['Password', `${result.oneTimePassword ?? ''}  (shown once: store it now; it must be changed at first login)`],
      ]),
    );
  },
});
