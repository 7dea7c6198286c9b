import { uuidv7 } from '../../db/ids.ts';
import { defineOperation } from '../../operations/operation.ts';
import { limitExceeded, tenantUsage } from '../plans/usage.ts';
import { issueKey } from './api-key-writes.ts';
import { createApiKeyInput } from './api-key.schemas.ts';
import { toApiKeyView } from './api-key-view.ts';

const DAY = 86_400_000;

/** Creates a key with scopes; the key is returned once and stored as its prefix and a hash. */
export const createApiKey = defineOperation({
  id: 'apikey.create',
  summary: 'Creates an API key with scopes; the key is shown once.',
  scope: 'tenant',
  input: createApiKeyInput,
  audit: ['apikey.created'],
  async plan(ctx, request) {
    const { tx, tenant } = ctx;
    const now = ctx.now();
    const scopes = [...new Set(request.scopes)];
    const usage = await tenantUsage(tx, tenant.id, now);
    if (usage.apiKeys + 1 > tenant.limits.maxApiKeys) throw limitExceeded(tenant.slug, 'maxApiKeys', tenant.limits.maxApiKeys, usage.apiKeys);
    const expiresAt = request.expiresDays === null ? null : new Date(now.getTime() + request.expiresDays * DAY);
    const fields = { id: uuidv7(), name: request.name, scopes, expiresAt, createdAt: now };
    const until = expiresAt ? `until ${expiresAt.toISOString()}` : 'with no expiry';
    const draft = issueKey(tx, ctx, tenant, fields, true).apiKey;
    return {
      steps: [
        {
          action: 'create-api-key',
          description: `Create API key "${request.name}" for ${tenant.slug} with scopes ${scopes.join(', ')}, valid ${until}; store only its prefix and hash`,
        },
        { action: 'audit', description: 'Record the audit event' },
      ],
      changes: [{ field: 'apiKeys', from: usage.apiKeys, to: usage.apiKeys + 1 }],
      basis: usage.apiKeys,
      audit: { targetType: 'api_key', targetId: fields.id, after: { name: request.name, scopes, expiresAt } },
      data: { fields, view: toApiKeyView(draft, tenant.slug, now) },
    };
  },
  async apply(ctx, plan) {
    const { apiKey, key } = issueKey(ctx.tx, ctx, ctx.tenant, plan.data.fields, false);
    if (plan.audit?.after) plan.audit.after.prefix = apiKey.prefix;
    return { apiKey: toApiKeyView(apiKey, ctx.tenant.slug, ctx.now()), key };
  },
});
