import { ensureLoginSql } from '../../isolation/app-role.ts';
import { reapplyPoliciesSql } from '../../isolation/isolation-sql.ts';
import { TENANT_SIGNATURE_SQL } from '../../isolation/tenant-signature.ts';
import { APP_ROLE } from '../../isolation/names.ts';
import type { ControlPlaneMigration } from './migration.ts';

/**
 * The data path: `withTenant` logs in as the application role on a server (instead of switching to it
 * with SET LOCAL ROLE from the control plane's user, which RESET ROLE undoes), so it must be able to log
 * in; and the tenant setting is signed (tenant-signature.ts), so SQL that sets it itself reaches no
 * tenant. Every policy already in place gets the signed condition.
 */
export const controlPlane0007: ControlPlaneMigration = {
  id: '0007_data_path',
  description: 'The application role logs in for withTenant, and tenant policies require a signed tenant setting.',
  statements: [ensureLoginSql(APP_ROLE), ...TENANT_SIGNATURE_SQL, reapplyPoliciesSql()],
};
