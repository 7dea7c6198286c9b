import { TenantryError } from '@tenantry/sdk';
import { DRY_RUN_FLAG, defineCommand } from '../../command.ts';
import { fields } from '../../output/format.ts';

export const keyVerify = defineCommand({
  path: ['key', 'verify'],
  summary: 'Tells whether an API key is valid, for which tenant and scopes, or why not; records its last use.',
  description:
    'Exits 0 when the key is valid (and grants --scope), 4 when it is not, with the reason: malformed, unknown, revoked, expired, tenant_suspended, tenant_inactive or scope_not_granted.',
  args: [{ name: 'key', description: 'The key (tnt_...). Prefer --key-stdin: an argument lands in shell history.', field: 'key', optional: true }],
  flags: [
    { name: 'key-stdin', type: 'boolean', field: 'key', description: 'Read the key from the first line of stdin.' },
    { name: 'scope', type: 'string', placeholder: 'SCOPE', field: 'scope', description: 'Also check that the key grants this scope, e.g. assets.read.' },
    { ...DRY_RUN_FLAG, description: 'Answer without recording the key as used.' },
  ],
  json: true,
  examples: [
    { description: 'Check a key', command: 'printf %s "$KEY" | tenantry key verify --key-stdin' },
    { description: 'Check a scope in a script', command: 'tenantry key verify "$KEY" --scope assets.write --json' },
  ],
  async run(ctx, input) {
    let key = input.args.key;
    if (key === undefined && input.flags['key-stdin'] === true) {
      let text = '';
      for await (const chunk of ctx.io.stdin) text += String(chunk);
      key = text.split(/\r?\n/)[0] ?? '';
    }
    if (key === undefined) throw TenantryError.invalidInput([{ path: 'key', message: 'is required: pass <key> or --key-stdin' }]);
    const scope = input.flags.scope;
    const verdict = await (
      await ctx.client()
    ).apiKeys.verify({ key, ...(typeof scope === 'string' ? { scope } : {}) }, { dryRun: input.flags['dry-run'] === true });
    if (ctx.json) ctx.outJson(verdict);
    else if (verdict.valid) {
      ctx.out(`${ctx.style.green('✓')} valid key ${verdict.key.prefix} ("${verdict.key.name}")`);
      const rows: [string, string][] = [
        ['Tenant', `${verdict.tenant.name} (${verdict.tenant.slug})`],
        ['Scopes', verdict.key.scopes.join(', ')],
        ['Expires', verdict.key.expiresAt ?? 'never'],
      ];
      if (verdict.rotating) rows.push(['Rotating', ctx.style.yellow('replaced by a newer key: switch to it before it expires')]);
      ctx.out(fields(rows));
    } else ctx.out(`${ctx.style.red('✗')} invalid: ${verdict.reason} — ${verdict.message}`);
    return verdict.valid ? undefined : { exitKind: 'forbidden' };
  },
});
