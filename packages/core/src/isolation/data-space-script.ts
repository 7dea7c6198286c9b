import type { IsolationMode } from './isolation-mode.ts';
import { statementStep, type PlanStep } from '../plan.ts';
import { statement, type Statement } from '../statement.ts';
import type { Blueprint, MigrationBody } from './blueprint.ts';
import { partOf, type ScriptPart } from './runner.ts';

/** Steps and the script parts that run their statements, built together so they cannot differ. */
export class PlannedScript {
  readonly steps: PlanStep[] = [];
  readonly script: ScriptPart[] = [];

  add(label: string, step: Pick<PlanStep, 'action' | 'description'>, statements: Statement[]): void {
    this.steps.push(statementStep(step.action, step.description, statements));
    this.script.push({ label, statements });
  }

  /** A step that runs nothing when applying (what planning found out, shown in the plan). */
  note(step: Pick<PlanStep, 'action' | 'description'>): void {
    this.steps.push({ ...step });
  }

  /** A blueprint body: its statements, or (a function) the call, shown by its version. */
  body(label: string, step: Pick<PlanStep, 'action' | 'description'>, body: MigrationBody, version: string | undefined): void {
    const part = partOf(label, body);
    if ('call' in part) {
      this.steps.push({ ...step, sql: [`-- ${label}: a function body, version ${version ?? '?'}`] });
      this.script.push(part);
    } else {
      this.add(label, step, [...part.statements]);
    }
  }
}

export function recordStep(count: number, mode: IsolationMode): Pick<PlanStep, 'action' | 'description'> {
  const source = mode === 'schema' ? 'with their checksums' : 'as the shared tables have them';
  return { action: 'record-migrations', description: `Record the ${count} tenant migration(s) of this tenant ${source}` };
}

export interface DemoTarget {
  seedDemoData: boolean;
}

export function demo(planned: PlannedScript, blueprint: Blueprint, request: DemoTarget, mode: IsolationMode, schema: string): void {
  const data = request.seedDemoData ? blueprint.demoData : undefined;
  if (!data) return;
  const body = mode === 'shared' ? (data.shared ?? data.schema) : data.schema;
  planned.body('demo-data', { action: 'seed-demo-data', description: `Seed demo data in ${schema}: ${data.description}` }, body, data.version);
}

/** The tenant's migration records, with their checksums (durations are recorded by `migrate apply`, not here: 0). */
export function recordSchemaMigrations(tenantId: string, records: { id: string; checksum: string }[], now: Date): Statement {
  return statement(
    `insert into tenantry.tenant_migrations (tenant_id, migration_id, checksum, applied_at, duration_ms)
    select $1::uuid, r.id, r.checksum, $2::timestamptz, 0 from jsonb_to_recordset($3::jsonb) as r(id text, checksum text)`,
    [tenantId, now, records],
  );
}

/** A new shared tenant has had every migration the shared tables have had, with their checksums. */
export function recordSharedTenant(tenantId: string, now: Date): Statement {
  return statement(
    `insert into tenantry.tenant_migrations (tenant_id, migration_id, checksum, applied_at, duration_ms)
    select $1::uuid, p.migration_id, p.checksum, $2::timestamptz, 0 from tenantry.shared_migrations p
    on conflict (tenant_id, migration_id) do nothing`,
    [tenantId, now],
  );
}
