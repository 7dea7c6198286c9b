import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateControlPlane } from '../../db/control-plane-migrator.ts';
import { openDatabase, type Database } from '../../db/database.ts';
import { CONTROL_PLANE_MIGRATIONS } from '../../db/migrations/index.ts';
import { executeOperation } from '../../operations/execute.ts';
import { failure } from '../../testing/access-fixtures.ts';
import { testContext } from '../../testing/service-context.ts';
import { migrateDatabase } from './migrate-database.operation.ts';

let home: string;
let database: Database;

beforeAll(async () => {
  // A store never migrated: opened without applying anything.
  home = await mkdtemp(join(tmpdir(), 'tenantry-migrate-op-'));
  database = await openDatabase({ kind: 'embedded', home, mode: 'in-process' }, 'ignore');
});

afterAll(async () => {
  await database?.close();
  await rm(home, { recursive: true, force: true });
});

describe('database.migrate', () => {
  it('plans every pending migration with its statements, applies exactly that plan, then has nothing to do', async () => {
    const planned = await executeOperation(testContext(database), migrateDatabase, {}, { dryRun: true });
    expect(planned.result).toBe('planned');
    expect(planned.data.pending).toEqual(CONTROL_PLANE_MIGRATIONS.map((migration) => migration.id));
    expect(planned.steps.map((step) => step.action)).toEqual(['lock', ...CONTROL_PLANE_MIGRATIONS.map(() => 'run-migration')]);
    expect(planned.steps[1]?.sql?.at(-1)).toContain('insert into tenantry.schema_migrations');
    const [present] = await database.fork().execute<{ present: boolean }[]>("select to_regclass('tenantry.tenants') is not null as present");
    expect(present?.present).toBe(false);

    const applied = await executeOperation(testContext(database), migrateDatabase, {}, { expectFingerprint: planned.fingerprint });
    expect(applied.value).toEqual(planned.data.pending);
    const events = await database.fork().execute<{ action: string }[]>("select action from tenantry.audit_events where action = 'database.migrated'");
    expect(events).toEqual([{ action: 'database.migrated' }]);
    expect((await executeOperation(testContext(database), migrateDatabase, {}, { dryRun: true })).result).toBe('unchanged');
  });

  it('applies nothing when what is pending is not what was planned', async () => {
    expect((await failure(migrateControlPlane(database.fork(), CONTROL_PLANE_MIGRATIONS, ['0099_planned_elsewhere']))).code).toBe('PLAN_STALE');
  });
});
