import { statfs } from 'node:fs/promises';
import { findLooseEntries } from '../db/store-permissions.ts';
import type { ServiceContext } from '../context.ts';
import { controlPlaneStatus } from '../db/control-plane-migrator.ts';
import type { DataPath } from '../db/data-path.ts';
import type { DatabaseTarget } from '../db/database.ts';
import { dataPathCheck } from './data-path-check.ts';
import type { PreflightResult } from './preflight-result.ts';

/** The oldest PostgreSQL Tenantry supports (gen_random_uuid, jsonb, RLS FORCE, transactional DDL). */
export const MINIMUM_SERVER_VERSION = 130000;
/** Below this much free disk the embedded store may fail mid-transaction. */
export const MINIMUM_FREE_BYTES = 512 * 1024 * 1024;

export type { PreflightResult } from './preflight-result.ts';

export interface PreflightEnvironment {
  target: DatabaseTarget;
  /** The embedded store's home and lock file, when embedded; `served` when a serving process holds it for every client. */
  embedded?: { home: string; lockPath: string; pid: number; served?: boolean };
  /** The data path `withTenant` uses; its line says which role it logs in as. */
  dataPath?: DataPath;
}

/** The pre-deploy check of the runbooks: every line passes or says why not. */
export async function runPreflight(ctx: ServiceContext, environment: PreflightEnvironment): Promise<PreflightResult[]> {
  const results: PreflightResult[] = [];
  const [server] = await ctx.em.execute<{ version: string; number: number; can_create: boolean; user: string }[]>(
    `select split_part(version(), ' on ', 1) as version, current_setting('server_version_num')::int as number,
            has_database_privilege(current_user, current_database(), 'CREATE') as can_create, current_user as user`,
  );
  const versionOk = (server?.number ?? 0) >= MINIMUM_SERVER_VERSION;
  results.push({ name: 'database reachable', ok: true, detail: `${environment.target.kind} at ${environment.target.location}` });
  results.push({ name: 'database version', ok: versionOk, detail: `${server?.version ?? 'unknown'}${versionOk ? '' : ' (13 or later is needed)'}` });
  results.push({
    name: 'privilege to create schemas',
    ok: server?.can_create === true,
    detail: server?.can_create
      ? `${server.user} may create schemas`
      : `${server?.user ?? 'this user'} lacks CREATE on the database: grant create on database to it`,
  });
  const migrations = await controlPlaneStatus(ctx.em);
  const migrated = migrations.pending.length === 0 && migrations.unknown.length === 0;
  results.push({
    name: 'control-plane migrations',
    ok: migrated,
    detail: migrated
      ? `${migrations.applied.length} applied, none pending`
      : migrations.unknown.length > 0
        ? `migrated by a newer Tenantry: ${migrations.unknown.join(', ')}`
        : `${migrations.pending.length} pending: run tenantry db migrate`,
  });
  // Optional: without it tenants simply get no subdomain, so it warns and never fails preflight.
  results.push(
    ctx.settings.baseDomain
      ? { name: 'base domain', ok: true, detail: `tenants get <slug>.${ctx.settings.baseDomain}` }
      : { name: 'base domain', ok: true, warning: true, detail: 'TENANTRY_BASE_DOMAIN is not set (optional): tenants get no subdomain' },
  );
  if (environment.dataPath) results.push(await dataPathCheck(environment.dataPath));
  if (environment.embedded) results.push(...(await embeddedChecks(environment.embedded)));
  return results;
}

async function embeddedChecks(embedded: NonNullable<PreflightEnvironment['embedded']>): Promise<PreflightResult[]> {
  const disk = await statfs(embedded.home);
  const free = disk.bavail * disk.bsize;
  const { checked, loose } = findLooseEntries(embedded.home);
  return [
    {
      name: 'embedded store lock',
      ok: true,
      detail: embedded.served
        ? `${embedded.lockPath} held by the serving process ${embedded.pid}; every Tenantry process reaches the store through it`
        : `${embedded.lockPath} held by this process (${embedded.pid}); no other process has the store`,
    },
    {
      name: 'embedded store permissions',
      ok: loose.length === 0,
      detail:
        loose.length === 0
          ? `${embedded.home} and its ${checked - 1} files and directories are private to their owner (0700/0600)`
          : `${loose.length} of ${checked} files and directories under ${embedded.home} can be read by other users (${loose[0]}, ...): run chmod -R go-rwx ${embedded.home}`,
    },
    {
      name: 'free disk',
      ok: free >= MINIMUM_FREE_BYTES,
      detail: `${formatBytes(free)} free under ${embedded.home}${free >= MINIMUM_FREE_BYTES ? '' : ` (at least ${formatBytes(MINIMUM_FREE_BYTES)} needed)`}`,
    },
  ];
}

function formatBytes(bytes: number): string {
  const gib = bytes / 1024 ** 3;
  return gib >= 1 ? `${gib.toFixed(1)} GiB` : `${Math.round(bytes / 1024 ** 2)} MiB`;
}
