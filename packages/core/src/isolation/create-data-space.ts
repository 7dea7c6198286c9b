import type { SqlEntityManager } from '@mikro-orm/sql';
import { TenantryError } from '../errors.ts';
import type { IsolationMode } from './isolation-mode.ts';
import type { PlanStep } from '../plan.ts';
import { statement, type Statement } from '../statement.ts';
import { migrationChecksum, missingSharedBodies, type Blueprint } from './blueprint.ts';
import { planDemoData } from './demo-data.ts';
import { IsolationErrors } from './isolation-errors.ts';
import { isolationSql } from './isolation-sql.ts';
import { SHARED_SCHEMA, quoteIdent } from './names.ts';
import { migrateSharedPool, poolPending, poolSteps, readPoolMigrations } from './pool.ts';
import { PlannedScript } from './planned-script.ts';
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
  /** Shared mode: migrations the shared tables still need (applied once, for every shared tenant, under the pool lock). */
  poolPending: string[];
  /** Every step, in the order applying runs them: `poolSteps`, then the script's. */
  steps: PlanStep[];
  /** Shared mode: bringing the shared tables up to date, first, under the pool lock (before any script part). */
  poolSteps: PlanStep[];
  /** What applying runs, part by part (a failure names its part): the very statements the steps show. */
  script: ScriptPart[];
}

/** Reads what exists and decides how the tenant's data space will be made, with the statements; writes nothing. */
export async function planDataSpace(
  em: SqlEntityManager,
  blueprint: Blueprint,
  request: DataSpaceRequest,
  /** When the migrations are recorded as applied. */
  now: Date,
  /** What the caller already read (provisioning reads everything in one query). */
  known?: { schemaExists: boolean; pool: Record<string, string> },
): Promise<DataSpacePlan> {
  const migrations = blueprint.migrations.map((migration) => migration.id);
  const planned = new PlannedScript();
  if (request.isolation === 'schema') {
    const schema = request.schemaName;
    if (!schema) throw TenantryError.internal(new Error('schema isolation without a schema name'));
    const taken = known
      ? known.schemaExists
      : (await em.execute<{ present: boolean }[]>('select exists (select 1 from pg_namespace where nspname = ?) as present', [schema]))[0]?.present;
    if (taken) {
      throw new TenantryError('CONFLICT', {
        message: `The schema ${schema} already exists, though no tenant owns it (left over by hand, or by an older tool).`,
        details: { schema },
        hint: 'Drop or rename that schema after checking what is in it, or pick another slug.',
      });
    }
    planned.add('create-schema', { action: 'create-schema', description: `Create the tenant's schema ${schema}` }, [
      statement(`create schema ${quoteIdent(schema)}`),
    ]);
    for (const migration of blueprint.migrations) {
      planned.body(
        migration.id,
        { action: 'run-migration', description: `Run tenant migration ${migration.id} in ${schema}: ${migration.description}` },
        migration.schema,
        migration.version,
      );
    }
    planned.add(
      'isolation',
      {
        action: 'isolate-schema',
        description: `Grant the application role DML on ${schema}'s tables and force row-level security pinned to this tenant on each`,
      },
      [statement(isolationSql('schema', schema, request.tenantId))],
    );
    const records = blueprint.migrations.map((migration) => ({ id: migration.id, checksum: migrationChecksum(migration, 'schema') }));
    if (records.length > 0) planned.add('record-migrations', recordStep(records.length, 'schema'), [recordSchemaMigrations(request.tenantId, records, now)]);
    demo(planned, blueprint, request, 'schema', schema);
    return { ...request, schema, migrations, poolPending: [], steps: planned.steps, poolSteps: [], script: planned.script };
  }
  const missing = missingSharedBodies(blueprint);
  if (missing.length > 0) throw IsolationErrors.noSharedBody(missing);
  const pending = poolPending(blueprint, known ? new Map(Object.entries(known.pool)) : await readPoolMigrations(em));
  const pool = poolSteps(pending);
  planned.add('record-migrations', recordStep(migrations.length, 'shared'), [recordSharedTenant(request.tenantId, now)]);
  demo(planned, blueprint, request, 'shared', SHARED_SCHEMA);
  return {
    ...request,
    schema: SHARED_SCHEMA,
    migrations,
    poolPending: pending.map((migration) => migration.id),
    steps: [...pool, ...planned.steps],
    poolSteps: pool,
    script: planned.script,
  };
}

function recordStep(count: number, mode: IsolationMode): Pick<PlanStep, 'action' | 'description'> {
  const source = mode === 'schema' ? 'with their checksums' : 'as the shared tables have them';
  return { action: 'record-migrations', description: `Record the ${count} tenant migration(s) of this tenant ${source}` };
}

function demo(planned: PlannedScript, blueprint: Blueprint, request: DataSpaceRequest, mode: IsolationMode, schema: string): void {
  if (request.seedDemoData && blueprint.demoData) planDemoData(planned, blueprint.demoData, mode, schema);
}

/** The tenant's migration records, with their checksums (durations are recorded by `migrate apply`, not here: 0). */
function recordSchemaMigrations(tenantId: string, records: { id: string; checksum: string }[], now: Date): Statement {
  return statement(
    `insert into tenantry.tenant_migrations (tenant_id, migration_id, checksum, applied_at, duration_ms)
    select $1::uuid, r.id, r.checksum, $2::timestamptz, 0 from jsonb_to_recordset($3::jsonb) as r(id text, checksum text)`,
    [tenantId, now, records],
  );
}

/** A new shared tenant has had every migration the shared tables have had, with their checksums. */
function recordSharedTenant(tenantId: string, now: Date): Statement {
  return statement(
    `insert into tenantry.tenant_migrations (tenant_id, migration_id, checksum, applied_at, duration_ms)
    select $1::uuid, p.migration_id, p.checksum, $2::timestamptz, 0 from tenantry.shared_migrations p
    on conflict (tenant_id, migration_id) do nothing`,
    [tenantId, now],
  );
}

/**
 * Makes the tenant's data space inside the caller's transaction, exactly as planned: the plan's script
 * (schema and migrations, or the shared tables' records; isolation; demo data) in as few round trips as
 * the driver allows, after the shared tables are brought up to date when they were behind. The tenant's
 * row must exist first (or be among `before`: parts to run first in the same script; `after` run last).
 */
export async function createDataSpace(
  tx: SqlEntityManager,
  blueprint: Blueprint,
  plan: DataSpacePlan,
  now: Date,
  subject: string = plan.schema,
  before: readonly ScriptPart[] = [],
  after: readonly ScriptPart[] = [],
): Promise<void> {
  if (plan.isolation === 'shared' && plan.poolPending.length > 0) await migrateSharedPool(tx, blueprint, now);
  await runScript(tx, [...before, ...plan.script, ...after], { mode: plan.isolation, schema: plan.schema, tenantId: plan.tenantId }, subject);
}
