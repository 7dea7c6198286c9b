import type { UpdatePolicyInput } from '@tenantry/sdk';
import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg, type FlagSpec, type ParsedArguments } from '../../command.ts';
import { renderChange } from '../../output/change.ts';
import { fields } from '../../output/format.ts';

const SWITCHES = [
  ['require-2fa', 'require2fa', 'Require two-factor authentication.'],
  ['require-uppercase', 'password.requireUppercase', 'Passwords need an uppercase letter.'],
  ['require-lowercase', 'password.requireLowercase', 'Passwords need a lowercase letter.'],
  ['require-numbers', 'password.requireNumbers', 'Passwords need a digit.'],
  ['require-symbols', 'password.requireSymbols', 'Passwords need a symbol.'],
] as const;

export const tenantPolicy = defineCommand({
  path: ['tenant', 'policy'],
  summary: 'Shows or changes the security policy of a tenant: 2FA, session timeout, password rules, allowed IP ranges.',
  description:
    'Without change flags it shows the policy. Each rule has --X and --no-X. --allow-ip replaces the list of CIDR ranges allowed to sign in (validated: 10.0.0.0/8, 2001:db8::/32); --allow-any-ip empties it.',
  args: [{ name: 'slug', description: "The tenant's slug.", field: 'slug' }],
  flags: [
    ...SWITCHES.flatMap(([name, field, description]): FlagSpec[] => [
      { name, type: 'boolean', field, description },
      { name: `no-${name}`, type: 'boolean', field, description: `Turn --${name} off.` },
    ]),
    {
      name: 'session-timeout',
      type: 'integer',
      placeholder: 'MINUTES',
      field: 'sessionTimeoutMinutes',
      description: 'Sign users out after MINUTES of inactivity (5-10080).',
    },
    { name: 'password-min-length', type: 'integer', field: 'password.minLength', description: 'Minimum password length (8-128).' },
    {
      name: 'password-history',
      type: 'integer',
      placeholder: 'N',
      field: 'password.history',
      description: 'A new password must differ from the last N (0-24; 0: only from the current one).',
    },
    {
      name: 'allow-ip',
      type: 'list',
      placeholder: 'CIDR',
      field: 'allowedIpRanges',
      description: 'A CIDR range allowed to sign in (repeatable; replaces the list).',
    },
    { name: 'allow-any-ip', type: 'boolean', field: 'allowedIpRanges', description: 'Allow sign-in from any address (empties the list).' },
    ...CHANGE_FLAGS,
  ],
  json: true,
  examples: [
    { description: 'Show the policy', command: 'tenantry tenant policy acme-corp' },
    {
      description: 'The runbook policy',
      command:
        'tenantry tenant policy acme-corp --require-2fa --session-timeout 240 --password-min-length 12 --require-symbols --password-history 5 --allow-ip 192.168.1.0/24 --allow-ip 10.0.0.0/8',
    },
  ],
  async run(ctx, input) {
    const slug = requiredArg(input, 'slug');
    const change = policyChange(input.flags);
    const client = await ctx.client();
    if (Object.keys(change).length === 0) {
      const { securityPolicy: policy } = await client.tenants.get(slug);
      if (ctx.json) return ctx.outJson(policy);
      const rules = Object.entries(policy.password)
        .filter(([key, on]) => key.startsWith('require') && on === true)
        .map(([key]) => key.replace('require', '').toLowerCase());
      return ctx.out(
        fields([
          ['2FA', policy.require2fa ? 'required' : 'optional'],
          ['Session timeout', `${policy.sessionTimeoutMinutes} minutes`],
          ['Passwords', `at least ${policy.password.minLength} characters${rules.length > 0 ? `; ${rules.join(', ')}` : ''}`],
          ['History', policy.password.history > 0 ? `differs from the last ${policy.password.history}` : 'differs from the current one'],
          ['Allowed IPs', policy.allowedIpRanges.length > 0 ? policy.allowedIpRanges.join(', ') : 'any'],
        ]),
      );
    }
    const result = await client.tenants.updatePolicy({ slug, ...change }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, {
      applied: `Changed the security policy of ${slug}`,
      unchanged: `The security policy of ${slug} already is so; nothing changed.`,
    });
  },
});

function policyChange(flags: ParsedArguments['flags']): Omit<UpdatePolicyInput, 'slug'> {
  const change: Omit<UpdatePolicyInput, 'slug'> = {};
  const password: NonNullable<UpdatePolicyInput['password']> = {};
  for (const [name, field] of SWITCHES) {
    const value = flags[name] === true ? true : flags[`no-${name}`] === true ? false : undefined;
    if (value === undefined) continue;
    if (field === 'require2fa') change.require2fa = value;
    else password[field.slice('password.'.length) as keyof typeof password] = value as never;
  }
  if (typeof flags['password-min-length'] === 'number') password.minLength = flags['password-min-length'];
  if (typeof flags['password-history'] === 'number') password.history = flags['password-history'];
  if (Object.keys(password).length > 0) change.password = password;
  if (typeof flags['session-timeout'] === 'number') change.sessionTimeoutMinutes = flags['session-timeout'];
  if (flags['allow-any-ip'] === true) change.allowedIpRanges = [];
  else if (Array.isArray(flags['allow-ip'])) change.allowedIpRanges = flags['allow-ip'];
  return change;
}
