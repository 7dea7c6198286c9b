import { TenantryError, type PlanStepDto, type TenantryClient } from '@tenantry/sdk';
import type { CommandContext, FlagSpec } from '../../command.ts';

export const CONFIRM_FLAG: FlagSpec = {
  name: 'confirm',
  type: 'string',
  placeholder: 'NAME',
  field: 'confirm',
  description: "The tenant's exact name, typed back (required without a terminal; on a terminal it is asked for).",
};

export interface Confirmed {
  confirm?: string;
  /** Set when the plan was shown and confirmed here: apply exactly that plan. */
  expectFingerprint?: string;
}

interface ShownPlan {
  result: string;
  steps: PlanStepDto[];
  fingerprint?: string;
  confirmText: string | null;
}

/**
 * The typed-back name: from --confirm, else asked for on a terminal after showing the plan (whose
 * confirmText says what to type; the plan shown is the plan applied), else INVALID_INPUT naming --confirm.
 * A dry run needs none. Nothing is asked when the plan is "unchanged".
 */
export async function confirmation(
  ctx: CommandContext,
  _client: TenantryClient,
  input: { slug: string; confirm: unknown; dryRun: boolean; title: string },
  plan: () => Promise<ShownPlan>,
): Promise<Confirmed> {
  if (typeof input.confirm === 'string') return { confirm: input.confirm };
  if (input.dryRun) return {};
  if (!ctx.interactive || ctx.json) {
    throw TenantryError.invalidInput([{ path: 'confirm', message: `is required without a terminal: pass --confirm "<the exact name of ${input.slug}>"` }]);
  }
  const planned = await plan();
  if (planned.result !== 'planned' || planned.confirmText === null) return {};
  const { confirmByName } = await import('../../../flows/confirm-name.ts');
  const confirm = await confirmByName({ io: ctx.io, title: input.title, steps: planned.steps, name: planned.confirmText });
  return { confirm, ...(planned.fingerprint ? { expectFingerprint: planned.fingerprint } : {}) };
}
