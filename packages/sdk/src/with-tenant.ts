import { TenantryError, runInTenant, type TenantSession } from '@tenantry/core';
import type { ClientRuntime } from './runtime.ts';

/** A tenant named by slug, or any object with one (a TenantDto). */
export type TenantRef = string | { slug: string };

/**
 * Runs `work` in one transaction in the tenant's data space (see `TenantryClient.withTenant`). Errors
 * `work` throws itself come back as they were; database failures of its queries are TenantryErrors.
 */
export async function withTenant<T>(runtime: ClientRuntime, tenant: TenantRef, work: (session: TenantSession) => Promise<T>): Promise<T> {
  const slug = typeof tenant === 'string' ? tenant : tenant.slug;
  let thrownByWork: { error: unknown } | undefined;
  try {
    return await runtime.run((ctx) =>
      runInTenant(ctx, runtime.dataPath, slug, async (session) => {
        try {
          return await work(session);
        } catch (error) {
          thrownByWork = { error };
          throw error;
        }
      }),
    );
  } catch (error) {
    if (thrownByWork && !(thrownByWork.error instanceof TenantryError)) throw thrownByWork.error;
    throw error;
  }
}
