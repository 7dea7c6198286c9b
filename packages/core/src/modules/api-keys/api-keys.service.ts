import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { ChangeOutcome } from '../changes/change.ts';
import { tenantSlugField, type ChangeOptions } from '../changes/inputs.ts';
import { inTenantScope } from '../permissions/tenant-scope.ts';
import { limitExceeded, tenantUsage } from '../plans/usage.ts';
import type { Tenant } from '../tenants/tenant.entity.ts';
import { generateApiKey, hashApiKey } from './api-key-format.ts';
import { ApiKey } from './api-key.entity.ts';
import { apiKeyRefInput, createApiKeyInput, rotateApiKeyInput, type ApiKeyRefInput, type CreateApiKeyInput, type RotateApiKeyInput } from './api-key.schemas.ts';
import { apiKeyNotFound, apiKeyStatus, keyNotUsable, toApiKeyView, type ApiKeyView } from './api-key-view.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface ApiKeyOutcome extends ChangeOutcome {
  apiKey: ApiKeyView;
  /** The whole key, only here and only when applied: show it once. */
  key?: string;
}

export interface RotateOutcome extends ApiKeyOutcome {
  /** The old key, now replaced, working until its new expiry. */
  previous: ApiKeyView;
}

/** A tenant's API keys, newest first. */
export async function listApiKeys(ctx: ServiceContext, slug: string): Promise<ApiKeyView[]> {
  const tenantSlug = parseInput(tenantSlugField, slug);
  return inTenantScope(ctx, tenantSlug, 'apikey.list', async ({ tx, tenant }) => {
    const keys = await tx.find(ApiKey, { tenant: tenant.id }, { orderBy: { createdAt: 'desc', prefix: 'asc' } });
    return keys.map((key) => toApiKeyView(key, tenant.slug, ctx.now()));
  });
}

/** Creates a key with scopes; the key is returned once and stored as its prefix and a hash. */
export async function createApiKey(ctx: ServiceContext, input: CreateApiKeyInput, options: ChangeOptions = {}): Promise<ApiKeyOutcome> {
  const request = parseInput(createApiKeyInput, input);
  const scopes = [...new Set(request.scopes)];
  return inTenantScope(ctx, request.slug, 'apikey.create', async ({ tx, tenant }) => {
    const now = ctx.now();
    const usage = await tenantUsage(tx, tenant.id, now);
    if (usage.apiKeys + 1 > tenant.limits.maxApiKeys) throw limitExceeded(tenant.slug, 'maxApiKeys', tenant.limits.maxApiKeys, usage.apiKeys);
    const expiresAt = request.expiresDays === null ? null : new Date(now.getTime() + request.expiresDays * DAY);
    const { key, prefix } = generateApiKey();
    const until = expiresAt ? `until ${expiresAt.toISOString()}` : 'with no expiry';
    const steps = [
      { action: 'create-api-key', description: `Create API key "${request.name}" for ${tenant.slug} with scopes ${scopes.join(', ')}, valid ${until}; store only its prefix and hash` },
      { action: 'audit', description: 'Record the audit event' },
    ];
    const apiKey = newKey(tx, ctx, tenant, { name: request.name, prefix, key, scopes, expiresAt, createdAt: now }, options.dryRun === true);
    const changes = [{ field: 'apiKeys', from: usage.apiKeys, to: usage.apiKeys + 1 }];
    if (options.dryRun) return { result: 'planned', steps, changes, apiKey: toApiKeyView(apiKey, tenant.slug, now) };
    recordAudit(ctx, tx, { action: 'apikey.created', tenant: { id: tenant.id, slug: tenant.slug }, targetType: 'api_key', targetId: apiKey.id, after: { name: apiKey.name, prefix, scopes, expiresAt } });
    await tx.flush();
    return { result: 'applied', steps, changes, apiKey: toApiKeyView(apiKey, tenant.slug, now), key };
  });
}

/**
 * Issues a new key with the same name and scopes; the old one keeps working for the overlap period
 * (default 24 hours) so clients can switch without downtime, then expires.
 */
export async function rotateApiKey(ctx: ServiceContext, input: RotateApiKeyInput, options: ChangeOptions = {}): Promise<RotateOutcome> {
  const request = parseInput(rotateApiKeyInput, input);
  return inTenantScope(ctx, request.slug, 'apikey.rotate', async ({ tx, tenant }) => {
    const now = ctx.now();
    const old = await tx.findOne(ApiKey, { tenant: tenant.id, prefix: request.prefix });
    if (!old) throw apiKeyNotFound(tenant.slug, request.prefix);
    const status = apiKeyStatus(old, now);
    if (status !== 'active') throw keyNotUsable(tenant.slug, old.prefix, status);
    const lifetime = old.expiresAt ? old.expiresAt.getTime() - old.createdAt.getTime() : null;
    const expiresAt =
      request.expiresDays === undefined ? (lifetime === null ? null : new Date(now.getTime() + lifetime)) : request.expiresDays === null ? null : new Date(now.getTime() + request.expiresDays * DAY);
    const overlapEnd = new Date(now.getTime() + request.overlapHours * HOUR);
    const oldExpiresAt = old.expiresAt && old.expiresAt < overlapEnd ? old.expiresAt : overlapEnd;
    const { key, prefix } = generateApiKey();
    const steps = [
      { action: 'create-api-key', description: `Create a new key for "${old.name}" with the same scopes (${old.scopes.join(', ')}), valid ${expiresAt ? `until ${expiresAt.toISOString()}` : 'with no expiry'}` },
      { action: 'expire-old-key', description: `Keep the old key ${old.prefix} working until ${oldExpiresAt.toISOString()} (${request.overlapHours} h overlap), then it expires` },
      { action: 'audit', description: 'Record the audit events' },
    ];
    const changes = [{ field: `${old.prefix}.expiresAt`, from: old.expiresAt ?? null, to: oldExpiresAt }];
    const fresh = newKey(tx, ctx, tenant, { name: old.name, prefix, key, scopes: old.scopes, expiresAt, createdAt: now }, options.dryRun === true);
    if (options.dryRun) return { result: 'planned', steps, changes, apiKey: toApiKeyView(fresh, tenant.slug, now), previous: toApiKeyView(old, tenant.slug, now) };
    const before = { prefix: old.prefix, expiresAt: old.expiresAt ?? null };
    old.expiresAt = oldExpiresAt;
    old.replacedById = fresh.id;
    const scope = { id: tenant.id, slug: tenant.slug };
    recordAudit(ctx, tx, { action: 'apikey.created', tenant: scope, targetType: 'api_key', targetId: fresh.id, after: { name: fresh.name, prefix, scopes: fresh.scopes, expiresAt, rotatedFrom: old.prefix } });
    recordAudit(ctx, tx, { action: 'apikey.rotated', tenant: scope, targetType: 'api_key', targetId: old.id, before, after: { prefix: old.prefix, expiresAt: oldExpiresAt, replacedBy: prefix } });
    await tx.flush();
    return { result: 'applied', steps, changes, apiKey: toApiKeyView(fresh, tenant.slug, now), previous: toApiKeyView(old, tenant.slug, now), key };
  });
}

/** Revokes a key at once (a rotating key too); revoking a revoked key is `unchanged`. */
export async function revokeApiKey(ctx: ServiceContext, input: ApiKeyRefInput, options: ChangeOptions = {}): Promise<ApiKeyOutcome> {
  const request = parseInput(apiKeyRefInput, input);
  return inTenantScope(ctx, request.slug, 'apikey.revoke', async ({ tx, tenant }) => {
    const now = ctx.now();
    const key = await tx.findOne(ApiKey, { tenant: tenant.id, prefix: request.prefix });
    if (!key) throw apiKeyNotFound(tenant.slug, request.prefix);
    if (key.revokedAt) return { result: 'unchanged', steps: [], changes: [], apiKey: toApiKeyView(key, tenant.slug, now) };
    const steps = [{ action: 'revoke-api-key', description: `Revoke API key ${key.prefix} ("${key.name}") of ${tenant.slug}: it stops working at once` }];
    const changes = [{ field: 'status', from: apiKeyStatus(key, now), to: 'revoked' }];
    if (options.dryRun) return { result: 'planned', steps, changes, apiKey: toApiKeyView(key, tenant.slug, now) };
    key.revokedAt = now;
    recordAudit(ctx, tx, { action: 'apikey.revoked', tenant: { id: tenant.id, slug: tenant.slug }, targetType: 'api_key', targetId: key.id, before: { prefix: key.prefix, name: key.name, status: changes[0]?.from }, after: { status: 'revoked' } });
    await tx.flush();
    return { result: 'applied', steps, changes, apiKey: toApiKeyView(key, tenant.slug, now) };
  });
}

interface NewKey {
  name: string;
  prefix: string;
  key: string;
  scopes: string[];
  expiresAt: Date | null;
  createdAt: Date;
}

function newKey(tx: SqlEntityManager, ctx: ServiceContext, tenant: Tenant, fields: NewKey, draft: boolean): ApiKey {
  return tx.create(
    ApiKey,
    {
      tenant,
      name: fields.name,
      prefix: fields.prefix,
      keyHash: hashApiKey(fields.key),
      scopes: fields.scopes,
      expiresAt: fields.expiresAt,
      lastUsedAt: null,
      revokedAt: null,
      replacedById: null,
      createdBy: ctx.actor.label,
      createdAt: fields.createdAt,
    },
    { persist: !draft },
  );
}
