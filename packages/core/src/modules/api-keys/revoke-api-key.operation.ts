import { defineOperation } from '../../operations/operation.ts';
import { ApiKey } from './api-key.entity.ts';
import { apiKeyRefInput } from './api-key.schemas.ts';
import { apiKeyNotFound, apiKeyStatus, toApiKeyView } from './api-key-view.ts';

/** Revokes a key at once (a rotating key too); revoking a revoked key is `unchanged`. */
export const revokeApiKey = defineOperation({
  id: 'apikey.revoke',
  summary: 'Revokes an API key at once.',
  scope: 'tenant',
  input: apiKeyRefInput,
  audit: ['apikey.revoked'],
  async plan({ tx, tenant, now }, request) {
    const at = now();
    const key = await tx.findOne(ApiKey, { tenant: tenant.id, prefix: request.prefix });
    if (!key) throw apiKeyNotFound(tenant.slug, request.prefix);
    const view = toApiKeyView(key, tenant.slug, at);
    if (key.revokedAt) return { unchanged: true, steps: [], data: { key, view } };
    const status = apiKeyStatus(key, at);
    return {
      steps: [{ action: 'revoke-api-key', description: `Revoke API key ${key.prefix} ("${key.name}") of ${tenant.slug}: it stops working at once` }],
      changes: [{ field: 'status', from: status, to: 'revoked' }],
      basis: { prefix: key.prefix, status },
      audit: { targetType: 'api_key', targetId: key.id, before: { prefix: key.prefix, name: key.name, status }, after: { status: 'revoked' } },
      data: { key, view },
    };
  },
  async apply({ tenant, now }, { data }) {
    data.key.revokedAt = now();
    return { apiKey: toApiKeyView(data.key, tenant.slug, now()) };
  },
});
