import type { TenantDetailsDto } from '@tenantry/sdk';
import { useClient } from '../client-context.ts';
import { useAsync, type AsyncState } from './use-async.ts';

/** The open tenant, reloaded on every refresh; nothing when no tenant is open. */
export function useTenantDetails(slug: string | null, refreshes: number): AsyncState<TenantDetailsDto | null> {
  const client = useClient();
  return useAsync(() => (slug ? client.tenants.get(slug) : Promise.resolve(null)), [client, slug, refreshes]);
}
