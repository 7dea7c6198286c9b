import type { FieldChangeDto, PlanCode } from '@tenantry/sdk';
import { TenantryError } from '@tenantry/sdk';
import type { EffectRequest } from '../state/types.ts';
import type { ActionRunner } from './runners.ts';
import { changeRunner, targetSlug } from './change-runners.ts';

const show = (value: unknown): string => (value === null || value === undefined ? '-' : JSON.stringify(value));

/** "limits.maxUsers: 10 → 50", one line per field that changes. */
export function diffLines(changes: readonly FieldChangeDto[]): { description: string }[] {
  return changes.map((change) => ({ description: `${change.field}: ${show(change.from)} → ${show(change.to)}` }));
}

/** Moves the tenant to another plan: the plan dialog shows the diff; a downgrade below usage is refused with the numbers. */
export const changePlan: ActionRunner = {
  async plan({ client, request }) {
    const planned = await client.plans.change({ slug: targetSlug(request), plan: request.values.plan as PlanCode }, { dryRun: true });
    const steps = planned.result === 'unchanged' ? [{ description: `Nothing to change: ${targetSlug(request)} is on ${request.values.plan ?? ''} already.` }] : [...planned.steps, ...diffLines(planned.changes)];
    return { title: `${planned.direction === 'downgrade' ? 'Downgrade' : planned.direction === 'upgrade' ? 'Upgrade' : 'Change'} ${targetSlug(request)} to ${request.values.plan ?? ''}`, steps, confirmName: null };
  },
  async apply({ client, request }) {
    const applied = await client.plans.change({ slug: targetSlug(request), plan: request.values.plan as PlanCode });
    return { message: `${targetSlug(request)} is on ${request.values.plan ?? ''} (${applied.changes.length} field(s) changed)` };
  },
};

export const suspend: ActionRunner = changeRunner(
  (request) => `Suspend ${targetSlug(request)}`,
  (client, request, dryRun) => client.tenants.suspend({ slug: targetSlug(request), ...(request.values.reason?.trim() ? { reason: request.values.reason.trim() } : {}) }, { dryRun }),
  (_result, request) => ({ message: `${targetSlug(request)} is suspended: its users and keys cannot act until it is resumed` }),
);

export const resume: ActionRunner = changeRunner(
  (request) => `Resume ${targetSlug(request)}`,
  (client, request, dryRun) => client.tenants.resume({ slug: targetSlug(request) }, { dryRun }),
  (_result, request) => ({ message: `${targetSlug(request)} is active again` }),
);

function tenantName(request: EffectRequest): string {
  const name = request.target.tenantName;
  if (!name) throw new TenantryError('PRECONDITION_FAILED', { message: 'No tenant is open.' });
  return name;
}

/** Deletion keeps the tenant restorable for its grace period; the plan needs the exact name typed back. */
export const deleteTenant: ActionRunner = {
  async plan({ client, request }) {
    const planned = await client.tenants.delete({ slug: targetSlug(request), confirm: tenantName(request) }, { dryRun: true });
    return { title: `Delete ${tenantName(request)} (${targetSlug(request)})`, steps: [...planned.steps, ...diffLines(planned.changes)], confirmName: tenantName(request) };
  },
  async apply({ client, request }) {
    const deleted = await client.tenants.delete({ slug: targetSlug(request), confirm: request.values.confirm ?? '' });
    return { message: `${targetSlug(request)} is pending deletion until ${deleted.deletionScheduledAt?.slice(0, 10) ?? '?'} (restore with tenantry tenant restore)`, closeTenant: true };
  },
};
