import { describeDataPath, type DataPath } from '../db/data-path.ts';
import { TenantryError } from '../errors.ts';
import { APP_ROLE } from '../isolation/names.ts';
import type { PreflightResult } from './preflight-result.ts';

/**
 * The preflight line for the data path: which role `withTenant` logs in as. Failing when that role is a
 * superuser or bypasses row-level security (RESET ROLE would then escape every policy); a warning on the
 * embedded store, which has one user and can only switch roles with SET LOCAL ROLE.
 */
export async function dataPathCheck(dataPath: DataPath): Promise<PreflightResult> {
  const name = 'data path role';
  let role;
  try {
    role = await describeDataPath(dataPath);
  } catch (error) {
    const reason = error instanceof TenantryError ? error.message : String(error);
    return { name, ok: false, detail: `withTenant cannot log in as ${APP_ROLE}: ${reason}` };
  }
  if (role.mode === 'set-role') {
    return {
      name,
      ok: true,
      warning: true,
      detail: `embedded store: one user (${role.sessionRole}, a superuser); withTenant uses SET LOCAL ROLE ${APP_ROLE}, which SQL in a callback can undo with RESET ROLE: use a server for untrusted SQL`,
    };
  }
  if (role.superuser || role.bypassRls) {
    return {
      name,
      ok: false,
      detail: `withTenant logs in as ${role.sessionRole}, which ${role.superuser ? 'is a superuser' : 'bypasses row-level security'}: RESET ROLE in a callback escapes every tenant policy; point TENANTRY_DATA_PATH_URL at ${APP_ROLE}`,
    };
  }
  return { name, ok: true, detail: `withTenant logs in as ${role.sessionRole} (not a superuser, subject to row-level security)` };
}
