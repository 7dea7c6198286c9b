import { defineOperation } from '../../operations/operation.ts';
import { describeChange, diffValues } from '../changes/change.ts';
import type { SecurityPolicy } from '../tenants/security-policy.ts';
import { updatePolicyInput } from './settings.schemas.ts';

/** Changes the security policy: 2FA, session timeout, password rules, allowed IP ranges (validated CIDRs). */
export const updateSecurityPolicy = defineOperation({
  id: 'tenant.policy',
  summary: 'Changes the security policy of a tenant (2FA, session timeout, password rules, allowed CIDRs) as a diff.',
  scope: 'tenant',
  input: updatePolicyInput,
  audit: ['tenant.policy_changed'],
  async plan({ tenant }, request) {
    const current = tenant.securityPolicy;
    const policy: SecurityPolicy = {
      require2fa: request.require2fa ?? current.require2fa,
      sessionTimeoutMinutes: request.sessionTimeoutMinutes ?? current.sessionTimeoutMinutes,
      password: { ...current.password, ...request.password },
      allowedIpRanges: request.allowedIpRanges ? [...new Set(request.allowedIpRanges)] : current.allowedIpRanges,
    };
    const changes = diffValues({ securityPolicy: current }, { securityPolicy: policy });
    if (changes.length === 0) return { unchanged: true, steps: [], changes, data: { policy: current } };
    return {
      steps: [{ action: 'update-security-policy', description: `Change the security policy of ${tenant.slug}: ${changes.map(describeChange).join('; ')}` }],
      changes,
      data: { policy },
    };
  },
  async apply({ tenant }, { data }) {
    tenant.securityPolicy = data.policy;
  },
});
