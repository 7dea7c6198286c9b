import { statementStep, type PlanStep } from '../plan.ts';
import { statement, type Statement } from '../statement.ts';
import { migrationChecksum, type TenantMigration } from './blueprint.ts';
import { isolationSql } from './isolation-sql.ts';
import { quoteLiteral } from './names.ts';
import { bodyStatements, type ScriptPart } from './runner.ts';

/** The tenant a unit migrates. */
export interface UnitTenant {
  id: string;
  slug: string;
  schema: string;
}

/**
 * What one tenant's migration transaction runs, as steps and as the script that runs their very
 * statements: the lock timeout and the tenant's advisory lock, then (after reading what is applied,
 * under the lock) each missing migration followed by a time mark, the isolation, and the records with
 * each migration's duration from the marks. `script` is null when a migration is a function body:
 * those run one by one (`runBody`), with the isolation and records after them.
 */
export interface TenantUnitPlan {
  lock: Statement[];
  steps: PlanStep[];
  script: ScriptPart[] | null;
}

/** The lock timeout and the tenant's advisory lock: how every unit's transaction starts. */
export function unitLock(tenant: UnitTenant, lockTimeoutMs: number): { lock: Statement[]; step: PlanStep } {
  const lock = [
    statement(`select set_config('lock_timeout', $1, true)`, [`${lockTimeoutMs}ms`]),
    statement('select pg_advisory_xact_lock(hashtextextended($1, 0))', [`tenantry.tenant:${tenant.id}`]),
  ];
  const step = statementStep(
    'lock',
    `Take ${tenant.slug}'s advisory lock, waiting at most ${lockTimeoutMs} ms for any lock, then read what it has applied`,
    lock,
  );
  return { lock, step };
}

export function planTenantUnit(tenant: UnitTenant, todo: readonly TenantMigration[], now: Date, lockTimeoutMs: number): TenantUnitPlan {
  const { lock, step } = unitLock(tenant, lockTimeoutMs);
  const steps: PlanStep[] = [step];
  if (todo.some((migration) => typeof migration.schema === 'function')) {
    for (const migration of todo)
      steps.push({
        action: 'run-migration',
        description: `Run ${migration.id} in ${tenant.schema}: ${migration.description}`,
        sql: [`-- ${migration.id}: a function body, version ${migration.version ?? '?'}`],
      });
    steps.push({ action: 'isolate-schema', description: `Grant the application role and force row-level security on any new table of ${tenant.schema}` });
    steps.push({ action: 'record-migrations', description: 'Record each migration with its checksum and duration' });
    return { lock, steps, script: null };
  }
  const script: ScriptPart[] = [];
  const add = (part: ScriptPart & { statements: readonly Statement[] }, action: string, description: string) => {
    script.push(part);
    steps.push(statementStep(action, description, [...part.statements]));
  };
  const mark = (name: string) => statement(`select set_config('tenantry.mark_${name}', clock_timestamp()::text, true)`);
  const since = (from: string, to: string) =>
    `(extract(epoch from current_setting('tenantry.mark_${to}')::timestamptz - current_setting('tenantry.mark_${from}')::timestamptz) * 1000)::int`;
  add({ label: 'start', statements: [mark('start')], raw: true }, 'mark-time', 'Mark the time (each migration is timed)');
  todo.forEach((migration, index) => {
    add(
      { label: migration.id, statements: [...bodyStatements(migration.schema as string | readonly string[]), mark(String(index))] },
      'run-migration',
      `Run ${migration.id} in ${tenant.schema}: ${migration.description}`,
    );
  });
  add(
    { label: 'isolation', statements: [statement(isolationSql('schema', tenant.schema, tenant.id))] },
    'isolate-schema',
    `Grant the application role and force row-level security on any new table of ${tenant.schema}`,
  );
  const rows = todo.map((migration, index) => recordRow(tenant, migration, now, since(index === 0 ? 'start' : String(index - 1), String(index))));
  add(
    {
      label: 'record-migrations',
      statements: [statement(`insert into tenantry.tenant_migrations (tenant_id, migration_id, checksum, applied_at, duration_ms) values ${rows.join(', ')}`)],
      raw: true,
    },
    'record-migrations',
    'Record each migration with its checksum and duration',
  );
  return { lock, steps, script };
}

/** One migration record: the duration an SQL expression (from the marks) or a number of milliseconds. */
export function recordRow(tenant: UnitTenant, migration: TenantMigration, now: Date, durationMs: string): string {
  return `(${quoteLiteral(tenant.id)}, ${quoteLiteral(migration.id)}, ${quoteLiteral(migrationChecksum(migration, 'schema'))}, ${quoteLiteral(now.toISOString())}, ${durationMs})`;
}
