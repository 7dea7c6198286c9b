import type { DoctorReportDto } from '@tenantry/sdk';
import { useClient } from '../client-context.ts';
import { useAsync, type AsyncState } from './use-async.ts';

/** The doctor's findings over all tenants, reloaded on every refresh. */
export function useHealth(refreshes: number): AsyncState<DoctorReportDto> {
  const client = useClient();
  return useAsync(() => client.health.check(), [client, refreshes]);
}
