import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

export const userUnlock = defineCommand({
  path: ['user', 'unlock'],
  summary: 'Unlocks an account locked or throttled by failed sign-ins.',
  description:
    'After 5 failed sign-ins in a row each attempt waits longer (up to a minute); after 10 the account is locked for 30\n' +
    'minutes. This lifts both at once. Unlocking an account that is not locked changes nothing (exit 0). Platform operator\n' +
    'only; audited as user.unlocked.',
  args: [{ name: 'email', description: "The user's email.", field: 'email' }],
  flags: [...CHANGE_FLAGS],
  json: true,
  examples: [
    { description: 'Unlock an account', command: 'tenantry user unlock jane@acme.com' },
    { description: 'See what it would do', command: 'tenantry user unlock jane@acme.com --dry-run' },
  ],
  async run(ctx, input) {
    const result = await (await ctx.client()).users.unlock({ email: requiredArg(input, 'email') }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, {
      applied: `Unlocked ${result.user.email}`,
      unchanged: `${result.user.email} is not locked and has no failed sign-ins; nothing changed.`,
    });
  },
});
