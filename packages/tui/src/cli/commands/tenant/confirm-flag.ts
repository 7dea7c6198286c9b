import { TenantryError, type PlanStepDto, type TenantryClient } from '@tenantry/sdk';
import type { CommandContext, FlagSpec } from '../../command.ts';

export const CONFIRM_FLAG: FlagSpec = {
  name: 'confirm',
  type: 'string',
  placeholder: 'NAME',
  field: 'confirm',
  description: "The tenant's exact name, typed back (required without a terminal; on a terminal it is asked for).",
};

/**
 * The typed-back name: from --confirm, else asked for on a terminal after showing the plan, else
 * INVALID_INPUT naming --confirm. A dry run needs none. Returns undefined when the plan is "unchanged".
 */
export async function confirmation(
  ctx: CommandContext,
  client: TenantryClient,
  input: { slug: string; confirm: unknown; dryRun: boolean; title: string },
  plan: () => Promise<{ result: string; steps: PlanStepDto[] }>,
): Promise<string | undefined> {
  if (typeof input.confirm === 'string' || input.dryRun) return typeof input.confirm === 'string' ? input.confirm : undefined;
  if (!ctx.interactive || ctx.json) {
    throw TenantryError.invalidInput([{ path: 'confirm', message: `is required without a terminal: pass --confirm "<the exact name of ${input.slug}>"` }]);
  }
  const planned = await plan();
  if (planned.result !== 'planned') return undefined;
  const { name } = await client.tenants.get(input.slug);
  const { confirmByName } = await import('../../../flows/confirm-name.ts');
  return confirmByName({ io: ctx.io, title: input.title, steps: planned.steps, name });
}
