import type { PlanCode } from '@tenantry/sdk';
import { planChanges, type ActionRunner } from './action-runner.ts';
import { applyOptions, changeRunner, optionalText, targetSlug } from './change-runners.ts';

/** Moves the tenant to another plan: the plan dialog shows the diff; a downgrade below usage is refused with the numbers. */
export const changePlan: ActionRunner = {
  async plan({ client, request }) {
    const planned = await client.plans.change({ slug: targetSlug(request), plan: request.values.plan as PlanCode }, { dryRun: true });
    const steps =
      planned.result === 'unchanged'
        ? [{ description: `Nothing to change: ${targetSlug(request)} is on ${request.values.plan ?? ''} already.` }]
        : planned.steps;
    const verb = planned.direction === 'downgrade' ? 'Downgrade' : planned.direction === 'upgrade' ? 'Upgrade' : 'Change';
    return {
      title: `${verb} ${targetSlug(request)} to ${request.values.plan ?? ''}`,
      steps,
      changes: planChanges(planned.changes),
      confirmName: null,
      ...(planned.fingerprint ? { fingerprint: planned.fingerprint } : {}),
    };
  },
  async apply({ client, request }) {
    const applied = await client.plans.change({ slug: targetSlug(request), plan: request.values.plan as PlanCode }, applyOptions(request));
    return { message: `${targetSlug(request)} is on ${request.values.plan ?? ''} (${applied.changes.length} field(s) changed)` };
  },
};

export const suspend: ActionRunner = changeRunner(
  (request) => `Suspend ${targetSlug(request)}`,
  (client, request, options) => {
    const reason = optionalText(request.values.reason);
    return client.tenants.suspend({ slug: targetSlug(request), ...(reason ? { reason } : {}) }, options);
  },
  (_result, request) => ({ message: `${targetSlug(request)} is suspended: its users and keys cannot act until it is resumed` }),
);

export const resume: ActionRunner = changeRunner(
  (request) => `Resume ${targetSlug(request)}`,
  (client, request, options) => client.tenants.resume({ slug: targetSlug(request) }, options),
  (_result, request) => ({ message: `${targetSlug(request)} is active again` }),
);

/** Deletion keeps the tenant restorable for its grace period; the plan says which name to type back. */
export const deleteTenant: ActionRunner = {
  async plan({ client, request }) {
    const planned = await client.tenants.delete({ slug: targetSlug(request) }, { dryRun: true });
    if (planned.result === 'unchanged')
      return {
        title: `${targetSlug(request)} is pending deletion already`,
        steps: [{ description: 'Nothing to change: it is already so.' }],
        confirmName: null,
      };
    const name = planned.confirmText ?? '';
    return {
      title: `Delete ${name} (${targetSlug(request)})`,
      steps: planned.steps,
      changes: planChanges(planned.changes),
      confirmName: planned.confirmText,
      ...(planned.fingerprint ? { fingerprint: planned.fingerprint } : {}),
    };
  },
  async apply({ client, request }) {
    const deleted = await client.tenants.delete({ slug: targetSlug(request), confirm: request.values.confirm ?? '' }, applyOptions(request));
    return {
      message: `${targetSlug(request)} is pending deletion until ${deleted.deletionScheduledAt?.slice(0, 10) ?? '?'} (restore with tenantry tenant restore)`,
      closeTenant: true,
    };
  },
};

/** Seeds the blueprint's demo data: the plan shows its statements; refused while the tables hold rows unless added alongside. */
export const seedDemo: ActionRunner = changeRunner(
  (request) => `Seed demo data into ${targetSlug(request)}`,
  (client, request, options) => client.tenants.seedDemo({ slug: targetSlug(request), addToExisting: request.values.addToExisting === 'yes' }, options),
  (result, request) => ({
    message: `Seeded demo data in ${targetSlug(request)}: ${result.tables
      .filter((table) => (table.added ?? 0) > 0)
      .map((table) => `${table.table} +${table.added ?? 0}`)
      .join(', ')}`,
  }),
);
