import { defineOperation } from '../../operations/operation.ts';
import { invalidTransition } from './lifecycle-errors.ts';
import { resumeTenantInput } from './lifecycle.schemas.ts';

/** Resumes a suspended tenant. */
export const resumeTenant = defineOperation({
  id: 'tenant.resume',
  summary: 'Resumes a suspended tenant.',
  scope: 'tenant',
  input: resumeTenantInput,
  audit: ['tenant.resumed'],
  async plan({ tenant }, request) {
    if (tenant.status === 'active') return { unchanged: true, steps: [], data: null };
    if (tenant.status !== 'suspended') throw invalidTransition(tenant, 'resume', 'Only a suspended tenant can be resumed.');
    const since = tenant.suspendedAt?.toISOString() ?? '(unknown)';
    return {
      steps: [
        {
          action: 'resume-tenant',
          description: `Resume ${tenant.slug}, suspended since ${since}${tenant.suspensionReason ? ` (${tenant.suspensionReason})` : ''}`,
        },
      ],
      changes: [{ field: 'status', from: 'suspended', to: 'active' }],
      audit: {
        before: { status: 'suspended', suspendedAt: tenant.suspendedAt ?? null, reason: tenant.suspensionReason ?? null },
        after: { status: 'active', reason: request.reason ?? null },
      },
      data: null,
    };
  },
  async apply({ tenant }) {
    tenant.status = 'active';
    tenant.suspendedAt = null;
    tenant.suspensionReason = null;
  },
});
