import type { ServiceContext } from '../../context.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { tenantSlugField } from '../changes/inputs.ts';
import { inTenantScope } from '../permissions/tenant-scope.ts';
import { ApiKey } from './api-key.entity.ts';
import { toApiKeyView, type ApiKeyView } from './api-key-view.ts';

/** A tenant's API keys, newest first. */
export async function listApiKeys(ctx: ServiceContext, slug: string): Promise<ApiKeyView[]> {
  const tenantSlug = parseInput(tenantSlugField, slug);
  return inTenantScope(ctx, tenantSlug, 'apikey.list', async ({ tx, tenant }) => {
    const keys = await tx.find(ApiKey, { tenant: tenant.id }, { orderBy: { createdAt: 'desc', prefix: 'asc' } });
    return keys.map((key) => toApiKeyView(key, tenant.slug, ctx.now()));
  });
}
