import { TenantryError } from '@tenantry/sdk';
import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg, type CommandContext } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

export const inviteAccept = defineCommand({
  path: ['invite', 'accept'],
  summary: 'Accepts an invitation by its token: creates or links the user and makes them a member.',
  description:
    "A new user's password must meet the tenant's password policy; an existing account joins with its own password.\n" +
    'On a terminal a missing password is asked for (hidden); scripts pass --password-stdin (a --password flag lands in shell history).',
  args: [{ name: 'token', description: 'The invitation token (inv_...), shown once when it was sent.', field: 'token', secret: true }],
  flags: [
    { name: 'password', type: 'string', placeholder: 'PASSWORD', field: 'password', description: 'The password of the new account, or of the existing one.' },
    { name: 'password-stdin', type: 'boolean', field: 'password', description: 'Read the password from the first line of stdin.' },
    { name: 'name', type: 'string', placeholder: 'NAME', field: 'name', description: 'Display name of a new user.' },
    ...CHANGE_FLAGS,
  ],
  json: true,
  examples: [
    { description: 'Accept, typing the password when asked', command: 'tenantry invite accept inv_3kT9...' },
    { description: 'From a script', command: 'printf %s "$PASSWORD" | tenantry invite accept "$TOKEN" --password-stdin --name "Ana Lima" --json' },
    {
      description: 'Check the token and the password without accepting',
      command: 'printf %s "$PASSWORD" | tenantry invite accept "$TOKEN" --password-stdin --dry-run',
    },
  ],
  async run(ctx, input) {
    const password = await passwordFrom(ctx, input.flags);
    const name = input.flags.name;
    const request = { token: requiredArg(input, 'token'), password, ...(typeof name === 'string' ? { name } : {}) };
    const accepted = await (await ctx.client()).invitations.accept(request, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(accepted);
    if (accepted.result === 'planned') return renderChange(ctx, accepted, { applied: '', unchanged: '' });
    const as = accepted.role ? `as ${accepted.role}` : 'with no role';
    ctx.out(`${ctx.style.green('✓')} ${accepted.email} joined ${accepted.tenantSlug} ${as} (${accepted.existingUser ? 'existing account' : 'new account'})`);
    if (accepted.mustChangePassword)
      ctx.info(`${ctx.style.yellow('!')} The password does not meet ${accepted.tenantSlug}'s policy: it must be changed at the next sign-in.`);
  },
});

async function passwordFrom(ctx: CommandContext, flags: Record<string, unknown>): Promise<string> {
  if (typeof flags.password === 'string') return flags.password;
  if (flags['password-stdin'] === true) {
    let text = '';
    for await (const chunk of ctx.io.stdin) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  }
  if (ctx.interactive && !ctx.json) {
    const { askPassword } = await import('../../../flows/ask-password.ts');
    return askPassword(ctx.io, 'Password for the account');
  }
  throw TenantryError.invalidInput([{ path: 'password', message: 'is required: pass --password-stdin (or --password)' }]);
}
