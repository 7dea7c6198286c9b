import { defineOperation } from '../../operations/operation.ts';
import { ServiceToken } from './service-token.entity.ts';
import { serviceTokenRefInput } from './service-token.schemas.ts';
import { serviceTokenNotFound, serviceTokenStatus, toServiceTokenView } from './service-token-view.ts';

/** Revokes a service token at once (an expired one too); revoking a revoked token is `unchanged`. */
export const revokeServiceToken = defineOperation({
  id: 'token.revoke',
  summary: 'Revokes a platform service token at once.',
  scope: 'platform',
  input: serviceTokenRefInput,
  audit: ['service_token.revoked'],
  async plan({ tx, now }, request) {
    const at = now();
    const token = await tx.findOne(ServiceToken, { prefix: request.prefix });
    if (!token) throw serviceTokenNotFound(request.prefix);
    const view = toServiceTokenView(token, at);
    if (token.revokedAt) return { unchanged: true, steps: [], data: { token, view } };
    const status = serviceTokenStatus(token, at);
    return {
      steps: [
        { action: 'revoke-service-token', description: `Revoke service token ${token.prefix} ("${token.name}"): it stops working at once` },
        { action: 'audit', description: 'Record service_token.revoked in the audit trail' },
      ],
      changes: [{ field: 'status', from: status, to: 'revoked' }],
      basis: { prefix: token.prefix, status },
      audit: { targetType: 'service_token', targetId: token.id, before: { prefix: token.prefix, name: token.name, status }, after: { status: 'revoked' } },
      data: { token, view },
    };
  },
  async apply({ now }, { data }) {
    data.token.revokedAt = now();
    return { serviceToken: toServiceTokenView(data.token, now()) };
  },
});
