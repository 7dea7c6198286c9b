import { defineOperation } from '../../operations/operation.ts';
import { invalidTransition } from './lifecycle-errors.ts';
import { suspendTenantInput } from './lifecycle.schemas.ts';

/** Suspends an active tenant: its users and API keys stop working until it is resumed; nothing is lost. */
export const suspendTenant = defineOperation({
  id: 'tenant.suspend',
  summary: 'Suspends an active tenant: its users and API keys stop working until it is resumed.',
  scope: 'tenant',
  input: suspendTenantInput,
  audit: ['tenant.suspended'],
  async plan({ tenant }, request) {
    if (tenant.status === 'suspended') return { unchanged: true, steps: [], data: null };
    if (tenant.status !== 'active') throw invalidTransition(tenant, 'suspend', 'Only an active tenant can be suspended.');
    const reason = request.reason ?? null;
    return {
      steps: [
        {
          action: 'suspend-tenant',
          description: `Suspend ${tenant.slug}${reason ? ` (${reason})` : ''}: its users and API keys stop working until it is resumed`,
        },
      ],
      changes: [{ field: 'status', from: 'active', to: 'suspended' }],
      audit: { before: { status: 'active' }, after: { status: 'suspended', reason } },
      data: null,
    };
  },
  async apply({ tenant, now }, _plan, request) {
    tenant.status = 'suspended';
    tenant.suspendedAt = now();
    tenant.suspensionReason = request.reason ?? null;
  },
});
