import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { tenantSlugField } from '../changes/inputs.ts';
import { inTenantScope } from '../permissions/tenant-scope.ts';
import type { Tenant } from '../tenants/tenant.entity.ts';
import { Domain } from './domain.entity.ts';
import { toDomainView, type DomainView } from './domain-view.ts';

/** A tenant's domains, primary first: the one query behind `domain list` and `tenant view`. */
export async function tenantDomains(em: SqlEntityManager, tenant: Pick<Tenant, 'id' | 'slug'>): Promise<DomainView[]> {
  return (await em.find(Domain, { tenant: tenant.id }, { orderBy: { isPrimary: 'desc', hostname: 'asc' } })).map((domain) => toDomainView(domain, tenant.slug));
}

/** A tenant's domains, primary first, for a caller allowed to list them. */
export async function listDomains(ctx: ServiceContext, slug: string): Promise<DomainView[]> {
  const tenantSlug = parseInput(tenantSlugField, slug);
  return inTenantScope(ctx, tenantSlug, 'domain.list', ({ tx, tenant }) => tenantDomains(tx, tenant));
}
