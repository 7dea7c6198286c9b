import { uuidv7 } from '../../db/ids.ts';
import { defineOperation } from '../../operations/operation.ts';
import { ApiKey } from './api-key.entity.ts';
import { issueKey } from './api-key-writes.ts';
import { rotateApiKeyInput } from './api-key.schemas.ts';
import { apiKeyNotFound, apiKeyStatus, keyNotUsable, toApiKeyView } from './api-key-view.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * Issues a new key with the same name and scopes; the old one keeps working for the overlap period
 * (default 24 hours) so clients can switch without downtime, then expires.
 */
export const rotateApiKey = defineOperation({
  id: 'apikey.rotate',
  summary: 'Replaces an API key with a new one; the old one keeps working for the overlap period.',
  scope: 'tenant',
  input: rotateApiKeyInput,
  audit: ['apikey.rotated'],
  async plan(ctx, request) {
    const { tx, tenant } = ctx;
    const now = ctx.now();
    const old = await tx.findOne(ApiKey, { tenant: tenant.id, prefix: request.prefix });
    if (!old) throw apiKeyNotFound(tenant.slug, request.prefix);
    const status = apiKeyStatus(old, now);
    if (status !== 'active') throw keyNotUsable(tenant.slug, old.prefix, status);
    const lifetime = old.expiresAt ? old.expiresAt.getTime() - old.createdAt.getTime() : null;
    const expiresAt =
      request.expiresDays === undefined
        ? lifetime === null
          ? null
          : new Date(now.getTime() + lifetime)
        : request.expiresDays === null
          ? null
          : new Date(now.getTime() + request.expiresDays * DAY);
    const overlapEnd = new Date(now.getTime() + request.overlapHours * HOUR);
    const oldExpiresAt = old.expiresAt && old.expiresAt < overlapEnd ? old.expiresAt : overlapEnd;
    const fields = { id: uuidv7(), name: old.name, scopes: old.scopes, expiresAt, createdAt: now };
    const draft = issueKey(tx, ctx, tenant, fields, true).apiKey;
    return {
      steps: [
        {
          action: 'create-api-key',
          description: `Create a new key for "${old.name}" with the same scopes (${old.scopes.join(', ')}), valid ${expiresAt ? `until ${expiresAt.toISOString()}` : 'with no expiry'}`,
        },
        {
          action: 'expire-old-key',
          description: `Keep the old key ${old.prefix} working until ${oldExpiresAt.toISOString()} (${request.overlapHours} h overlap), then it expires`,
        },
        { action: 'audit', description: 'Record the audit events' },
      ],
      changes: [{ field: `${old.prefix}.expiresAt`, from: old.expiresAt ?? null, to: oldExpiresAt }],
      basis: { prefix: old.prefix, status },
      audit: {
        targetType: 'api_key',
        targetId: old.id,
        before: { prefix: old.prefix, expiresAt: old.expiresAt ?? null },
        after: { prefix: old.prefix, expiresAt: oldExpiresAt },
      },
      data: { old, fields, oldExpiresAt, view: toApiKeyView(draft, tenant.slug, now), previous: toApiKeyView(old, tenant.slug, now) },
    };
  },
  async apply(ctx, plan) {
    const { old, fields, oldExpiresAt } = plan.data;
    const { apiKey, key } = issueKey(ctx.tx, ctx, ctx.tenant, fields, false);
    old.expiresAt = oldExpiresAt;
    old.replacedById = apiKey.id;
    if (plan.audit?.after) plan.audit.after.replacedBy = apiKey.prefix;
    ctx.record({
      action: 'apikey.created',
      tenant: { id: ctx.tenant.id, slug: ctx.tenant.slug },
      targetType: 'api_key',
      targetId: apiKey.id,
      after: { name: apiKey.name, prefix: apiKey.prefix, scopes: apiKey.scopes, expiresAt: fields.expiresAt, rotatedFrom: old.prefix },
    });
    const now = ctx.now();
    return { apiKey: toApiKeyView(apiKey, ctx.tenant.slug, now), previous: toApiKeyView(old, ctx.tenant.slug, now), key };
  },
});
