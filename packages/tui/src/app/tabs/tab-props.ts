import type { TenantDetailsDto } from '@tenantry/sdk';
import type { TabData } from './tab-data.ts';

/** What every tab of the tenant detail view draws from. */
export interface TabProps {
  tenant: TenantDetailsDto;
  data: TabData;
  cursor: number;
  height: number;
  width: number;
}
