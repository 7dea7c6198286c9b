import { z } from 'zod';
import { controlPlaneStatus, controlPlaneSteps, migrateControlPlane, pendingControlPlaneMigrations, schemaTooNew } from '../../db/control-plane-migrator.ts';
import { defineOperation } from '../../operations/operation.ts';

export const migrateDatabaseInput = z.strictObject({});

/**
 * Applies the pending control-plane migrations in one transaction under the migrators' lock. The plan
 * holds every statement applying runs; applying refuses (PLAN_STALE) when what is pending changed since.
 */
export const migrateDatabase = defineOperation({
  id: 'database.migrate',
  summary: 'Applies the pending control-plane migrations, in one transaction.',
  scope: 'platform',
  input: migrateDatabaseInput,
  audit: ['database.migrated'],
  async plan({ tx }) {
    const status = await controlPlaneStatus(tx);
    if (status.unknown.length > 0) throw schemaTooNew(status.unknown);
    const pending = pendingControlPlaneMigrations(status);
    const ids = pending.map((migration) => migration.id);
    if (pending.length === 0) return { unchanged: true, steps: [], data: { pending: ids } };
    return {
      steps: controlPlaneSteps(pending),
      basis: ids,
      audit: { targetType: 'database', targetId: 'control_plane', after: { migrations: ids } },
      data: { pending: ids },
    };
  },
  async apply({ tx }, plan) {
    return migrateControlPlane(tx, undefined, plan.data.pending);
  },
});
