import type { SqlEntityManager } from '@mikro-orm/sql';
import { TenantryError } from '../errors.ts';
import type { IsolationMode } from './isolation-mode.ts';
import type { PlanStep } from '../plan.ts';
import { statement } from '../statement.ts';
import { checkAdoption } from './adoption-check.ts';
import { migrationChecksum, missingSharedBodies, type Blueprint, type TenantMigration } from './blueprint.ts';
import { demo, recordSchemaMigrations, recordSharedTenant, recordStep } from './data-space-script.ts';
import { PlannedScript } from './planned-script.ts';
import { IsolationErrors } from './isolation-errors.ts';
import { isolationSql } from './isolation-sql.ts';
import { SHARED_SCHEMA, quoteIdent } from './names.ts';
import { migrateSharedPool, poolPending, poolSteps, readPoolMigrations } from './pool.ts';
import { runScript, type ScriptPart } from './runner.ts';

export interface DataSpaceRequest {
  isolation: IsolationMode;
  tenantId: string;
  /** Schema mode: the tenant's schema. */
  schemaName: string | null;
  /** Schema mode: provision around the existing schema `schemaName` (see `checkAdoption`); never seeds demo data. */
  adoptSchema?: boolean;
  seedDemoData: boolean;
}

export interface DataSpacePlan extends DataSpaceRequest {
  /** Where the tenant's tables are: its own schema or the shared schema. */
  schema: string;
  /** The blueprint migrations the tenant will have applied. */
  migrations: string[];
  /** An adopted schema: the migrations it already has (recorded, not run) and those run in it. */
  adopted: { recorded: string[]; run: string[] } | null;
  /** Shared mode: migrations the shared tables still need (applied once, for every shared tenant, under the pool lock). */
  poolPending: string[];
  /** Every step, in the order applying runs them: `poolSteps`, then the script's. */
  steps: PlanStep[];
  /** Shared mode: bringing the shared tables up to date, first, under the pool lock (before any script part). */
  poolSteps: PlanStep[];
  /** What applying runs, part by part (a failure names its part): the very statements the steps show. */
  script: ScriptPart[];
}

/** What the caller already read (provisioning reads everything in one query). */
export interface DataSpaceFacts {
  schemaExists: boolean;
  pool: Record<string, string>;
}

/** Reads what exists and decides how the tenant's data space will be made, with the statements; writes nothing. */
export async function planDataSpace(
  em: SqlEntityManager,
  blueprint: Blueprint,
  request: DataSpaceRequest,
  /** When the migrations are recorded as applied. */
  now: Date,
  known?: DataSpaceFacts,
): Promise<DataSpacePlan> {
  const migrations = blueprint.migrations.map((migration) => migration.id);
  if (request.isolation === 'schema') return planSchemaSpace(em, blueprint, request, now, known);
  const planned = new PlannedScript();
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
    adopted: null,
    poolPending: pending.map((migration) => migration.id),
    steps: [...pool, ...planned.steps],
    poolSteps: pool,
    script: planned.script,
  };
}

/**
 * Schema mode: create the schema (refused when it exists), or adopt it (refused when it does not, or when
 * the check finds it is not the blueprint's first migrations); run the migrations it lacks; isolate;
 * record every migration; seed demo data in a new schema only.
 */
async function planSchemaSpace(
  em: SqlEntityManager,
  blueprint: Blueprint,
  request: DataSpaceRequest,
  now: Date,
  known: DataSpaceFacts | undefined,
): Promise<DataSpacePlan> {
  const schema = request.schemaName;
  if (!schema) throw TenantryError.internal(new Error('schema isolation without a schema name'));
  const exists = known
    ? known.schemaExists
    : (await em.execute<{ present: boolean }[]>('select exists (select 1 from pg_namespace where nspname = ?) as present', [schema]))[0]?.present === true;
  const planned = new PlannedScript();
  let toRun: readonly TenantMigration[] = blueprint.migrations;
  let adopted: DataSpacePlan['adopted'] = null;
  if (request.adoptSchema) {
    if (!exists) throw IsolationErrors.schemaNotFound(schema);
    const check = await checkAdoption(em, blueprint, schema, request.tenantId);
    toRun = check.run;
    adopted = { recorded: check.recorded.map((migration) => migration.id), run: check.run.map((migration) => migration.id) };
    planned.note({ action: 'check-schema', description: adoptionSummary(schema, adopted) });
  } else {
    if (exists) throw IsolationErrors.schemaExists(schema);
    planned.add('create-schema', { action: 'create-schema', description: `Create the tenant's schema ${schema}` }, [
      statement(`create schema ${quoteIdent(schema)}`),
    ]);
  }
  for (const migration of toRun) {
    planned.body(
      migration.id,
      { action: 'run-migration', description: `Run tenant migration ${migration.id} in ${schema}: ${migration.description}` },
      migration.schema,
      migration.version,
    );
  }
  const tables = adopted ? `${schema}'s tables (those it had too)` : `${schema}'s tables`;
  planned.add(
    'isolation',
    { action: 'isolate-schema', description: `Grant the application role DML on ${tables} and force row-level security pinned to this tenant on each` },
    [statement(isolationSql('schema', schema, request.tenantId))],
  );
  const records = blueprint.migrations.map((migration) => ({ id: migration.id, checksum: migrationChecksum(migration, 'schema') }));
  if (records.length > 0) {
    const step = adopted ? recordAdoptedStep(adopted) : recordStep(records.length, 'schema');
    planned.add('record-migrations', step, [recordSchemaMigrations(request.tenantId, records, now)]);
  }
  const seeded = { ...request, seedDemoData: request.seedDemoData && !adopted };
  demo(planned, blueprint, seeded, 'schema', schema);
  return {
    ...seeded,
    schema,
    migrations: records.map((record) => record.id),
    adopted,
    poolPending: [],
    steps: planned.steps,
    poolSteps: [],
    script: planned.script,
  };
}

function adoptionSummary(schema: string, adopted: NonNullable<DataSpacePlan['adopted']>): string {
  const had = adopted.recorded.length > 0 ? `has ${adopted.recorded.join(', ')} (recorded, not run)` : 'has no blueprint migration yet';
  const rest = adopted.run.length > 0 ? `; ${adopted.run.join(', ')} run in it` : '; nothing to run';
  return `Adopt the existing schema ${schema}: checked against the blueprint, it ${had}${rest}; no demo data`;
}

function recordAdoptedStep(adopted: NonNullable<DataSpacePlan['adopted']>): Pick<PlanStep, 'action' | 'description'> {
  const parts = [
    ...(adopted.recorded.length > 0 ? [`${adopted.recorded.join(', ')} without running them (the schema has them)`] : []),
    ...(adopted.run.length > 0 ? [`${adopted.run.join(', ')} as run above`] : []),
  ];
  return { action: 'record-migrations', description: `Record this tenant's migrations with their checksums: ${parts.join(', and ')}` };
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
