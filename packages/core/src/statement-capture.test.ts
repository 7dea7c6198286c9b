import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { runDoctor } from './health/doctor.ts';
import { applyRepair, planRepairs } from './health/repair.service.ts';
import { applyTenantMigrations } from './modules/migrations/apply-tenant-migrations.ts';
import { SAMPLE_BLUEPRINT } from './isolation/sample-blueprint.ts';
import { provisionTenantOperation, type ProvisionTenantOperationInput } from './modules/tenants/provision-tenant.operation.ts';
import { executeOperation } from './operations/execute.ts';
import type { PlanStep } from './plan.ts';
import { renderStatement } from './statement.ts';
import { openCapturingDatabase, type CapturingDatabase, type ReceivedStatement } from './testing/capturing-database.ts';
import { tenantInput, testContext } from './testing/service-context.ts';

let testDatabase: TestDatabase;
let database: CapturingDatabase;
const NOW = new Date('2026-12-01T10:00:00.000Z');
const exportDir = mkdtempSync(join(tmpdir(), 'tenantry-capture-exports-'));

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openCapturingDatabase(testDatabase.coreOptions);
});

afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
});

const ctx = (overrides: Parameters<typeof testContext>[1] = {}) => testContext(database, { now: () => NOW, settings: { exportDir }, ...overrides });
const sql = (text: string, params: unknown[] = []) => database.fork().execute<Record<string, unknown>[]>(text, params);

/**
 * What the database received, statement by statement: a script (one DO block) opened into the
 * statements it executes, without the search_path bookkeeping the runner wraps around them; the
 * owner's password hash shown as the plan names it.
 */
function receivedStatements(received: readonly ReceivedStatement[]): string[] {
  return received
    .flatMap((query) =>
      query.text.startsWith('do $tenantry_script$')
        ? [...query.text.matchAll(/ {4}execute \$(tenantry_s_*)\$([\s\S]*?)\$\1\$;\n/g)].map((match) => match[2] ?? '')
        : [query.rendered],
    )
    .filter(
      (text) =>
        !text.startsWith(`select set_config('tenantry.saved_search_path'`) &&
        !text.startsWith(`select set_config('search_path', current_setting('tenantry.saved_search_path')`),
    )
    .map((text) => text.replace(/'scrypt\$[^']+'/g, '<owner password hash>'));
}

/** Each step's statements ran in the plan's order, each step's one after the other, exactly as rendered. */
function expectRanAsPlanned(received: string[], steps: readonly PlanStep[]): void {
  let cursor = 0;
  const planned = steps.filter((step) => (step.statements ?? []).length > 0);
  expect(planned.length).toBeGreaterThan(0);
  for (const step of planned) {
    const statements = (step.statements ?? []).map((statement) => renderStatement(statement));
    const start = received.indexOf(statements[0] as string, cursor);
    expect(start, `step ${step.action}: its first statement was not received after the previous step`).toBeGreaterThanOrEqual(0);
    expect(received.slice(start, start + statements.length), `step ${step.action}`).toEqual(statements);
    cursor = start + statements.length;
  }
}

/** A plan's statements with the values each run generates anew (ids, verification tokens) masked. */
function generatedMasked(steps: readonly PlanStep[]): string[] {
  return steps
    .flatMap((step) => step.statements ?? [])
    .map((statement) =>
      renderStatement(statement)
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
        .replace(/'[0-9a-f]{32}'/g, '<token>'),
    );
}

async function provisioned(isolation: 'schema' | 'shared'): Promise<{ id: string; slug: string; schema: string; name: string }> {
  const executed = await executeOperation(ctx(), provisionTenantOperation, tenantInput({ isolation }) as ProvisionTenantOperationInput);
  const tenant = executed.value?.tenant;
  return { id: tenant?.id ?? '', slug: tenant?.slug ?? '', schema: tenant?.schemaName ?? '', name: tenant?.name ?? '' };
}

describe('the statements the database receives are the plan’s', () => {
  for (const isolation of ['schema', 'shared'] as const) {
    it(`provisioning (${isolation}): the run sends exactly the statements of its plan, which is the dry run's but for generated ids`, async () => {
      const input = tenantInput({ isolation, domain: `capture-${isolation}-${Date.now()}.example.org` }) as ProvisionTenantOperationInput;
      // Shared: a migration the shared tables do not have yet, so provisioning brings them up to date too.
      const notes = 'create table capture_notes (tenant_id uuid not null, body text)';
      const blueprint =
        isolation === 'shared'
          ? {
              ...SAMPLE_BLUEPRINT,
              migrations: [...SAMPLE_BLUEPRINT.migrations, { id: '9102_capture_notes', description: 'Notes.', schema: notes, shared: notes }],
            }
          : SAMPLE_BLUEPRINT;
      const dryRun = await executeOperation(ctx({ blueprint }), provisionTenantOperation, input, { dryRun: true });
      if (isolation === 'shared') expect(dryRun.steps.map((step) => step.action)).toContain('migrate-shared-schema');
      database.clear();
      const applied = await executeOperation(ctx({ blueprint }), provisionTenantOperation, input);
      expect(applied.result).toBe('applied');
      expectRanAsPlanned(receivedStatements(database.received), applied.steps);
      expect(generatedMasked(applied.steps)).toEqual(generatedMasked(dryRun.steps));
      expect(applied.fingerprint).toBe(dryRun.fingerprint);
      expect(applied.steps.map((step) => step.action)).toEqual(dryRun.steps.map((step) => step.action));
    });
  }

  it('a tenant migration: the unit sends exactly the statements the dry run planned for it', async () => {
    const tenant = await provisioned('schema');
    const tags = 'alter table devices add column capture_tags text[] not null default array[]::text[]';
    const blueprint = {
      ...SAMPLE_BLUEPRINT,
      migrations: [...SAMPLE_BLUEPRINT.migrations, { id: '9101_capture_tags', description: 'Tags on devices.', schema: tags, shared: tags }],
    };
    const dryRun = await applyTenantMigrations(ctx({ blueprint }), { tenants: [tenant.slug] }, { dryRun: true });
    const [unit] = dryRun.units;
    expect(unit).toMatchObject({ slug: tenant.slug, outcome: 'planned', migrations: ['9101_capture_tags'] });
    database.clear();
    const run = await applyTenantMigrations(ctx({ blueprint }), { tenants: [tenant.slug] });
    expect(run.units.map((report) => report.outcome)).toEqual(['migrated']);
    expectRanAsPlanned(receivedStatements(database.received), unit?.steps ?? []);
  });

  it('TENANT_SCHEMA_MISSING: the repair sends exactly the statements of its plan', async () => {
    const tenant = await provisioned('schema');
    await sql(`drop schema "${tenant.schema}" cascade`);
    const [planned] = await planRepairs(ctx(), { code: 'TENANT_SCHEMA_MISSING', slug: tenant.slug });
    database.clear();
    const outcome = await applyRepair(ctx(), planned!.finding);
    expect(outcome.remaining).toBeNull();
    expectRanAsPlanned(receivedStatements(database.received), planned!.plan.steps);
  });

  it('TENANT_STUCK_PROVISIONING: the repair sends exactly the statements of its plan', async () => {
    const tenant = await provisioned('schema');
    await sql(`drop schema "${tenant.schema}" cascade`);
    await sql('delete from tenantry.tenant_migrations where tenant_id = ?', [tenant.id]);
    await sql(`update tenantry.tenants set status = 'provisioning', created_at = ? where id = ?`, [new Date(NOW.getTime() - 3_600_000), tenant.id]);
    const [planned] = await planRepairs(ctx(), { code: 'TENANT_STUCK_PROVISIONING', slug: tenant.slug });
    expect(planned?.plan.steps.map((step) => step.action)).toContain('activate-tenant');
    database.clear();
    await applyRepair(ctx(), planned!.finding);
    expectRanAsPlanned(receivedStatements(database.received), planned!.plan.steps);
    expect(await sql('select status from tenantry.tenants where id = ?', [tenant.id])).toEqual([{ status: 'active' }]);
  });

  it('TENANT_MIGRATION_OBJECTS_MISSING: the reset sends exactly the statements of its plan', async () => {
    const tenant = await provisioned('schema');
    await sql(`drop table "${tenant.schema}".devices cascade`);
    const [finding] = (await runDoctor(ctx(), { slug: tenant.slug })).findings;
    expect(finding?.code).toBe('TENANT_MIGRATION_OBJECTS_MISSING');
    const [planned] = await planRepairs(ctx(), { code: 'TENANT_MIGRATION_OBJECTS_MISSING', slug: tenant.slug });
    database.clear();
    const outcome = await applyRepair(ctx(), planned!.finding, { confirm: tenant.name });
    expect(outcome.remaining).toBeNull();
    expectRanAsPlanned(receivedStatements(database.received), planned!.plan.steps);
  });
});
