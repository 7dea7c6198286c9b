import type { TenantListDto } from '@tenantry/sdk';
import { useClient } from '../client-context.ts';
import { useAsync, type AsyncState } from './use-async.ts';

/** The first 10,000 tenants; the table windows and filters them in memory. */
export function useTenantList(refreshes: number): AsyncState<TenantListDto> {
  const client = useClient();
  return useAsync(() => client.tenants.list({ limit: 10_000 }), [client, refreshes]);
}
