import { ensureLoginSql } from '../../isolation/app-role.ts';
import { APP_ROLE } from '../../isolation/names.ts';
import type { ControlPlaneMigration } from './migration.ts';

/**
 * The data path: `withTenant` logs in as the application role on a server (instead of switching to it
 * with SET LOCAL ROLE from the control plane's user, which RESET ROLE undoes), so it must be able to log in.
 */
export const controlPlane0007: ControlPlaneMigration = {
  id: '0007_data_path',
  description: 'The application role may log in, so withTenant runs as it and RESET ROLE gains nothing.',
  statements: [ensureLoginSql(APP_ROLE)],
};
