import type { SecurityPolicy } from '@tenantry/core';
import type { ChangeDto } from '../dto/change.ts';

export interface PolicyChangeDto extends ChangeDto {
  /** The policy as it is after the change (or would be, planned). */
  policy: SecurityPolicy;
}
