import type { ControlPlaneMigration } from './migration.ts';

export const controlPlane0004: ControlPlaneMigration = {
  id: '0004_health',
  description: 'Findings already sent to the doctor webhook, so only new ones are posted.',
  statements: [
    `create table tenantry.health_notifications (
      fingerprint text primary key,
      code text not null,
      tenant_id uuid,
      first_notified_at timestamptz not null
    )`,
  ],
};
