import type { SignInStateDto, UserDto } from '@tenantry/sdk';
import { defineCommand, requiredArg, type CommandContext } from '../../command.ts';
import { fields, formatTimestamp } from '../../output/format.ts';

export const userView = defineCommand({
  path: ['user', 'view'],
  summary: 'Shows a user: their tenants and roles, and their sign-in state (last sign-in, failures, lock, 2FA).',
  description:
    'What support looks at when someone cannot sign in. A user is one account across tenants: the lock and 2FA are the\n' +
    "account's, the roles each tenant's. Platform operator only. --json prints the SDK's users.get answer.",
  args: [{ name: 'email', description: "The user's email.", field: 'email' }],
  json: true,
  examples: [
    { description: 'Why can this user not sign in?', command: 'tenantry user view jane@acme.com' },
    { description: 'Until when the account is locked', command: "tenantry user view jane@acme.com --json | jq -r '.lockedUntil'" },
  ],
  async run(ctx, input) {
    const user = await (await ctx.client()).users.get({ email: requiredArg(input, 'email') });
    if (ctx.json) return ctx.outJson(user);
    ctx.out(renderUser(ctx, user));
  },
});

function renderUser(ctx: CommandContext, user: UserDto): string {
  const terminal = Boolean(ctx.io.stdout.isTTY);
  const tenants = user.tenants.map(
    (tenant) => `    ${tenant.slug}  ${tenant.roles.join(', ') || 'no role'}${tenant.status === 'active' ? '' : `  (${tenant.status})`}`,
  );
  return [
    `${ctx.style.bold(user.email)}${user.name ? ` (${user.name})` : ''}`,
    fields([...signInRows(ctx, user, terminal), ['Created', formatTimestamp(user.createdAt, terminal)]]),
    '  Tenants:',
    ...(tenants.length > 0 ? tenants : ['    none']),
  ].join('\n');
}

/** The sign-in state as label and value rows (also the console's member detail). */
export function signInRows(ctx: Pick<CommandContext, 'style'>, state: SignInStateDto, terminal: boolean): [string, string][] {
  const when = (iso: string | null) => (iso ? formatTimestamp(iso, terminal) : 'never');
  const account = state.lockedUntil
    ? ctx.style.red(`✗ locked until ${formatTimestamp(state.lockedUntil, terminal)} (tenantry user unlock)`)
    : state.failedSignIns > 0
      ? ctx.style.yellow(`${state.failedSignIns} failed sign-in${state.failedSignIns === 1 ? '' : 's'} in a row (last ${when(state.lastFailedSignInAt)})`)
      : ctx.style.green('✓ not locked');
  const twoFactor =
    state.twoFactor === 'enrolled'
      ? `✓ authenticator (${state.recoveryCodesLeft ?? 0} recovery codes left)`
      : state.twoFactor === 'pending'
        ? 'enrollment not confirmed yet'
        : 'none';
  return [
    ['Last sign-in', when(state.lastSignInAt)],
    ['Account', account],
    ['2FA', twoFactor],
    ['Password', state.mustChangePassword ? ctx.style.yellow('one-time: must be changed at first sign-in') : `changed ${when(state.passwordChangedAt)}`],
  ];
}
