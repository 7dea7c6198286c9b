import type { ControlPlaneMigration } from './migration.ts';

export const controlPlane0005: ControlPlaneMigration = {
  id: '0005_operations',
  description: "A revision per tenant, raised by every applied change, so a plan can tell it was computed from the tenant's current state.",
  statements: [`alter table tenantry.tenants add column revision integer not null default 0`],
};
