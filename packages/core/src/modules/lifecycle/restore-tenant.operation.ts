import { defineOperation } from '../../operations/operation.ts';
import { invalidTransition } from './lifecycle-errors.ts';
import { restoreTenantInput } from './lifecycle.schemas.ts';

/** Restores a tenant pending deletion to the status it had, with everything it had. */
export const restoreTenant = defineOperation({
  id: 'tenant.restore',
  summary: 'Restores a tenant pending deletion, losslessly.',
  scope: 'tenant',
  input: restoreTenantInput,
  audit: ['tenant.restored'],
  async plan({ tenant }) {
    if (tenant.status !== 'pending_deletion') throw invalidTransition(tenant, 'restore', 'Only a tenant pending deletion can be restored.');
    const status = tenant.statusBeforeDeletion ?? 'active';
    return {
      steps: [{ action: 'restore-tenant', description: `Restore ${tenant.slug} to ${status}, with its data space, members, domains, keys and invitations` }],
      changes: [
        { field: 'status', from: 'pending_deletion', to: status },
        { field: 'deletionScheduledAt', from: tenant.deletionScheduledAt ?? null, to: null },
      ],
      audit: {
        before: {
          status: 'pending_deletion',
          deletionRequestedAt: tenant.deletionRequestedAt ?? null,
          deletionScheduledAt: tenant.deletionScheduledAt ?? null,
        },
        after: { status },
      },
      data: { status },
    };
  },
  async apply({ tenant }, plan) {
    tenant.status = plan.data.status;
    tenant.statusBeforeDeletion = null;
    tenant.deletionRequestedAt = null;
    tenant.deletionScheduledAt = null;
  },
});
