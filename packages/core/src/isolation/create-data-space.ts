import type { SqlEntityManager } from '@mikro-orm/sql';
import { TenantryError } from '../errors.ts';
import type { IsolationMode } from './isolation-mode.ts';
import type { PlanStep } from '../plan.ts';
import { migrationChecksum, missingSharedBodies, type Blueprint } from './blueprint.ts';
import { IsolationErrors } from './isolation-errors.ts';
import { isolationSql } from './isolation-sql.ts';
import { SHARED_SCHEMA, quoteIdent, quoteLiteral } from './names.ts';
import { migrateSharedPool, poolPending, poolSteps, readPoolMigrations, recordSharedTenantSql, sqlOf } from './pool.ts';
import { runScript, type ScriptPart } from './runner.ts';

export interface DataSpaceRequest {
  isolation: IsolationMode;
  tenantId: string;
  /** Schema mode: the tenant's schema. */
  schemaName: string | null;
  seedDemoData: boolean;
}

export interface DataSpacePlan extends DataSpaceRequest {
  /** Where the tenant's tables are: its own schema or the shared schema. */
  schema: string;
  /** The blueprint migrations the tenant will have applied. */
  migrations: string[];
  /** Shared mode: migrations the shared tables still need (applied once, for every shared tenant). */
  poolPending: string[];
  steps: PlanStep[];
}

/** Reads what exists and decides how the tenant's data space will be made, with the SQL; writes nothing. */
export async function planDataSpace(
  em: SqlEntityManager,
  blueprint: Blueprint,
  request: DataSpaceRequest,
  /** What the caller already read (provisioning reads everything in one query). */
  known?: { schemaExists: boolean; pool: Record<string, string> },
): Promise<DataSpacePlan> {
  const demo = request.seedDemoData ? blueprint.demoData : undefined;
  const migrations = blueprint.migrations.map((migration) => migration.id);
  if (request.isolation === 'schema') {
    const schema = request.schemaName;
    if (!schema) throw TenantryError.internal(new Error('schema isolation without a schema name'));
    const taken = known ? known.schemaExists : (await em.execute<{ present: boolean }[]>('select exists (select 1 from pg_namespace where nspname = ?) as present', [schema]))[0]?.present;
    if (taken) {
      throw new TenantryError('CONFLICT', {
        message: `The schema ${schema} already exists, though no tenant owns it (left over by hand, or by an older tool).`,
        details: { schema },
        hint: 'Drop or rename that schema after checking what is in it, or pick another slug.',
      });
    }
    const steps: PlanStep[] = [
      { action: 'create-schema', description: `Create the tenant's schema ${schema}`, sql: [`create schema ${quoteIdent(schema)}`] },
      ...blueprint.migrations.map((migration) => ({
        action: 'run-migration',
        description: `Run tenant migration ${migration.id} in ${schema}: ${migration.description}`,
        sql: sqlOf(migration.schema, migration),
      })),
      {
        action: 'isolate-schema',
        description: `Grant the application role DML on ${schema}'s tables and force row-level security pinned to this tenant on each`,
        sql: [isolationSql('schema', schema, request.tenantId)],
      },
      recordStep(migrations.length, 'schema'),
      ...demoSteps(demo, 'schema', schema),
    ];
    return { ...request, schema, migrations, poolPending: [], steps };
  }
  const missing = missingSharedBodies(blueprint);
  if (missing.length > 0) throw IsolationErrors.noSharedBody(missing);
  const pending = poolPending(blueprint, known ? new Map(Object.entries(known.pool)) : await readPoolMigrations(em));
  const steps = [...poolSteps(pending), recordStep(migrations.length, 'shared'), ...demoSteps(demo, 'shared', SHARED_SCHEMA)];
  return { ...request, schema: SHARED_SCHEMA, migrations, poolPending: pending.map((migration) => migration.id), steps };
}

function recordStep(count: number, mode: IsolationMode): PlanStep {
  const source = mode === 'schema' ? 'with their checksums' : 'as the shared tables have them';
  return { action: 'record-migrations', description: `Record the ${count} tenant migration(s) of this tenant ${source}` };
}

function demoSteps(demo: Blueprint['demoData'], mode: IsolationMode, schema: string): PlanStep[] {
  if (!demo) return [];
  const body = mode === 'shared' ? (demo.shared ?? demo.schema) : demo.schema;
  return [{ action: 'seed-demo-data', description: `Seed demo data in ${schema}: ${demo.description}`, sql: sqlOf(body, { id: 'demo-data', version: demo.version }) }];
}

/**
 * Makes the tenant's data space inside the provisioning transaction, exactly as planned: its schema and
 * every blueprint migration (schema mode) or the shared tables brought up to date (shared mode), the
 * isolation, the tenant migration records and the demo data, in as few round trips as the driver allows.
 * The tenant's row must already be flushed. Durations are recorded by `migrate apply`, not here (0).
 */
export async function createDataSpace(
  tx: SqlEntityManager,
  blueprint: Blueprint,
  plan: DataSpacePlan,
  now: Date,
  subject: string = plan.schema,
  /** Control-plane statements to run first in the same script (provisioning's rows; they must precede the records). */
  controlPlane: readonly string[] = [],
): Promise<void> {
  const parts: ScriptPart[] = controlPlane.length > 0 ? [{ label: 'control-plane', body: controlPlane, raw: true }] : [];
  if (plan.isolation === 'shared' && plan.poolPending.length > 0) await migrateSharedPool(tx, blueprint, now);
  if (plan.isolation === 'schema') {
    parts.push({ label: 'create-schema', body: [`create schema ${quoteIdent(plan.schema)}`] });
    for (const migration of blueprint.migrations) parts.push({ label: migration.id, body: migration.schema });
    const records = blueprint.migrations.map((migration) => `(${quoteLiteral(plan.tenantId)}, ${quoteLiteral(migration.id)}, ${quoteLiteral(migrationChecksum(migration, 'schema'))}, ${quoteLiteral(now.toISOString())}, 0)`);
    parts.push({ label: 'isolation', body: [isolationSql('schema', plan.schema, plan.tenantId)] });
    if (records.length > 0) parts.push({ label: 'record-migrations', body: [`insert into tenantry.tenant_migrations (tenant_id, migration_id, checksum, applied_at, duration_ms) values ${records.join(', ')}`] });
  } else {
    parts.push({ label: 'record-migrations', body: [recordSharedTenantSql(plan.tenantId, now)] });
  }
  const demo = plan.seedDemoData ? blueprint.demoData : undefined;
  if (demo) parts.push({ label: 'demo-data', body: plan.isolation === 'shared' ? (demo.shared ?? demo.schema) : demo.schema });
  await runScript(tx, parts, { mode: plan.isolation, schema: plan.schema, tenantId: plan.tenantId }, subject);
}
