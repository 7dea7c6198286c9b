import type { ServiceContext } from '../../context.ts';
import type { DataPath } from '../../db/data-path.ts';
import { IsolationErrors } from '../../isolation/isolation-errors.ts';
import { SHARED_SCHEMA } from '../../isolation/names.ts';
import { enterDataSpace, type TenantSession } from '../../isolation/tenant-session.ts';
import { loadSigningKey, signTenant } from '../../isolation/tenant-signature.ts';
import { requireTenantMember } from '../permissions/authorize.ts';
import { findTenant } from '../tenants/tenant-queries.service.ts';

/**
 * `withTenant`: runs `work` in the tenant's data space (see `enterDataSpace`). A tenant user (an SDK
 * client acting `as` one) reaches only tenants they are a member of; a purged tenant has no data space.
 */
export async function runInTenant<T>(ctx: ServiceContext, dataPath: DataPath, slug: string, work: (session: TenantSession) => Promise<T>): Promise<T> {
  const tenant = await findTenant(ctx.em, slug);
  await requireTenantMember(ctx, ctx.em, tenant);
  if (tenant.status === 'deleted') throw IsolationErrors.dataSpaceMissing(slug, 'the tenant was purged');
  const schema = tenant.isolation === 'schema' ? tenant.schemaName : SHARED_SCHEMA;
  if (!schema) throw IsolationErrors.dataSpaceMissing(slug, 'it has no schema name');
  const signature = signTenant(await dataPath.signingKey(() => loadSigningKey(ctx.em)), tenant.id);
  return enterDataSpace(dataPath, { id: tenant.id, slug: tenant.slug, isolation: tenant.isolation, schema }, signature, work);
}
