import type { IsolationMode } from './isolation-mode.ts';
import type { PlanStep } from '../plan.ts';
import { statement, type Statement } from '../statement.ts';
import type { Blueprint } from './blueprint.ts';
import { planDemoData } from './demo-data.ts';
import type { PlannedScript } from './planned-script.ts';

export function recordStep(count: number, mode: IsolationMode): Pick<PlanStep, 'action' | 'description'> {
  const source = mode === 'schema' ? 'with their checksums' : 'as the shared tables have them';
  return { action: 'record-migrations', description: `Record the ${count} tenant migration(s) of this tenant ${source}` };
}

export interface DemoTarget {
  seedDemoData: boolean;
}

export function demo(planned: PlannedScript, blueprint: Blueprint, request: DemoTarget, mode: IsolationMode, schema: string): void {
  if (request.seedDemoData && blueprint.demoData) planDemoData(planned, blueprint.demoData, mode, schema);
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
