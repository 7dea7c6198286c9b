import type { ApiKeyResultDto } from '@tenantry/sdk';
import { TenantryError } from '@tenantry/sdk';
import type { CommandContext, FlagSpec, ParsedArguments } from '../../command.ts';
import { fields } from '../../output/format.ts';

/** The new key, once, below what was done. */
export function renderNewKey(ctx: CommandContext, result: ApiKeyResultDto): void {
  if (result.result !== 'applied' || !result.apiKey.key) return;
  const rows: [string, string][] = [
    ['Key', `${ctx.style.bold(result.apiKey.key)}  ${ctx.style.yellow('(shown once: store it now; only its prefix and hash are kept)')}`],
    ['Scopes', result.apiKey.scopes.join(', ')],
    ['Expires', result.apiKey.expiresAt ?? 'never'],
  ];
  ctx.out(fields(rows));
}

/** --expires-days N or --never-expires, into the SDK's expiresDays (null: never). */
export function expiryFromFlags(flags: ParsedArguments['flags']): { expiresDays?: number | null } {
  const days = flags['expires-days'];
  if (flags['never-expires'] === true) {
    if (typeof days === 'number')
      throw TenantryError.invalidInput([{ path: 'expiresDays', message: 'pass either --expires-days or --never-expires, not both' }]);
    return { expiresDays: null };
  }
  return typeof days === 'number' ? { expiresDays: days } : {};
}

export const NEVER_EXPIRES_FLAG: FlagSpec = {
  name: 'never-expires',
  type: 'boolean',
  field: 'expiresDays',
  description: 'The key never expires (not recommended).',
};
