import { defineOperation } from '../../operations/operation.ts';
import { invalidTransition } from './lifecycle-errors.ts';
import { deleteTenantInput } from './lifecycle.schemas.ts';

const DAY = 86_400_000;

/**
 * Soft-deletes a tenant: `pending_deletion` for a grace period (default 30 days), restorable without
 * loss (its data space, members, domains and keys stay; they stop working). Needs the exact name.
 */
export const deleteTenant = defineOperation({
  id: 'tenant.delete',
  summary: 'Deletes a tenant softly: pending deletion for a grace period, restorable until purged.',
  scope: 'tenant',
  input: deleteTenantInput,
  audit: ['tenant.deletion_requested'],
  async plan({ tenant, now }, request) {
    if (tenant.status === 'pending_deletion') return { unchanged: true, steps: [], data: { deletionScheduledAt: tenant.deletionScheduledAt ?? null } };
    if (tenant.status !== 'active' && tenant.status !== 'suspended')
      throw invalidTransition(tenant, 'delete', 'Only an active or suspended tenant can be deleted.');
    const deletionScheduledAt = new Date(now().getTime() + request.graceDays * DAY);
    return {
      steps: [
        {
          action: 'mark-pending-deletion',
          description: `Mark ${tenant.slug} ("${tenant.name}") pending deletion: its users, keys and invitations stop working`,
        },
        {
          action: 'schedule-purge',
          description: `Keep everything restorable (\`tenantry tenant restore ${tenant.slug}\`) until ${deletionScheduledAt.toISOString()} (${request.graceDays} days); purge after that`,
        },
      ],
      changes: [
        { field: 'status', from: tenant.status, to: 'pending_deletion' },
        { field: 'deletionScheduledAt', from: null, to: deletionScheduledAt },
      ],
      confirm: { text: tenant.name, label: `the exact name of ${tenant.slug}` },
      audit: {
        before: { status: tenant.status },
        after: { status: 'pending_deletion', deletionScheduledAt, graceDays: request.graceDays, reason: request.reason ?? null },
      },
      data: { deletionScheduledAt },
    };
  },
  async apply({ tenant, now }, plan) {
    if (tenant.status !== 'active' && tenant.status !== 'suspended') return;
    tenant.statusBeforeDeletion = tenant.status;
    tenant.status = 'pending_deletion';
    tenant.deletionRequestedAt = now();
    tenant.deletionScheduledAt = plan.data.deletionScheduledAt;
  },
});
