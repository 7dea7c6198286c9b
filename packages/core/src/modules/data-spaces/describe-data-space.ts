import type { ServiceContext } from '../../context.ts';
import { migrationChecksum } from '../../isolation/blueprint.ts';
import type { IsolationMode } from '../../isolation/isolation-mode.ts';
import { SHARED_SCHEMA } from '../../isolation/names.ts';
import { blueprintOf } from '../../isolation/sample-blueprint.ts';
import { inTenantScope } from '../permissions/tenant-scope.ts';
import type { Limits } from '../plans/catalog.ts';
import { usageReport } from '../plans/usage-report.ts';

export interface DataSpaceView {
  isolation: IsolationMode;
  /** The tenant's own schema, or the shared schema its rows live in. */
  schema: string;
  schemaExists: boolean;
  blueprint: string;
  migrations: { id: string; description: string; appliedAt: Date | null; checksumMatches: boolean | null }[];
  /** Applied migrations the blueprint does not know (a newer program ran them). */
  unknown: string[];
  usage: { users: number; assets: number | null; devices: number | null; storageGb: number | null };
  limits: Limits;
}

/** The open tenant's data space for people: where it is, which migrations it has, what it holds. */
export async function describeDataSpace(ctx: ServiceContext, slug: string): Promise<DataSpaceView> {
  return inTenantScope(ctx, slug, 'tenant.view', async ({ tx, tenant }) => {
    const blueprint = blueprintOf(ctx);
    const schema = tenant.isolation === 'schema' ? (tenant.schemaName ?? '') : SHARED_SCHEMA;
    const [present] = await tx.execute<{ exists: boolean }[]>('select exists (select 1 from pg_namespace where nspname = ?) as exists', [schema]);
    const applied = await tx.execute<{ migration_id: string; checksum: string; applied_at: Date | string }[]>(
      'select migration_id, checksum, applied_at from tenantry.tenant_migrations where tenant_id = ? order by migration_id',
      [tenant.id],
    );
    const byId = new Map(applied.map((row) => [row.migration_id, row]));
    const usage = await usageReport(tx, tenant, ctx.now(), present?.exists === true);
    return {
      isolation: tenant.isolation,
      schema,
      schemaExists: present?.exists === true,
      blueprint: blueprint.name,
      migrations: blueprint.migrations.map((migration) => {
        const row = byId.get(migration.id);
        return {
          id: migration.id,
          description: migration.description,
          appliedAt: row ? new Date(row.applied_at) : null,
          checksumMatches: row ? row.checksum === migrationChecksum(migration, tenant.isolation) : null,
        };
      }),
      unknown: applied.filter((row) => !blueprint.migrations.some((migration) => migration.id === row.migration_id)).map((row) => row.migration_id),
      usage: { users: usage.maxUsers.used ?? 0, assets: usage.maxAssets.used, devices: usage.maxDevices.used, storageGb: usage.storageQuotaGb.used },
      limits: tenant.limits,
    };
  });
}
