import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../db/database.ts';
import { executeOperation } from '../operations/execute.ts';
import { provisionTenant } from '../modules/tenants/provision.service.ts';
import { tenantInput, testContext } from '../testing/service-context.ts';
import { runDoctor } from './doctor.ts';
import { repairFinding } from './repair.operation.ts';
import { applyRepair, planRepairs } from './repair.service.ts';

let testDatabase: TestDatabase;
let database: Database;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openDatabase(testDatabase.coreOptions);
});

afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
});

const sql = (text: string, params: unknown[] = []) => database.fork().execute<Record<string, unknown>[]>(text, params);
const ctx = () => testContext(database);
const repairedCount = async () => Number((await sql(`select count(*)::int as n from tenantry.audit_events where action = 'health.repaired'`))[0]?.n);

async function tenantWithoutSchema(): Promise<{ id: string; slug: string; ownerId: string; schema: string }> {
  const outcome = await provisionTenant(ctx(), tenantInput({ isolation: 'schema' }));
  const id = outcome.tenant?.id ?? '';
  const [row] = await sql('select schema_name from tenantry.tenants where id = ?', [id]);
  const schema = String(row?.schema_name);
  await sql(`drop schema "${schema}" cascade`);
  return { id, slug: outcome.tenant?.slug ?? '', ownerId: outcome.owner?.id ?? '', schema };
}

const schemaExists = async (schema: string) => Number((await sql(`select count(*)::int as n from pg_namespace where nspname = ?`, [schema]))[0]?.n) === 1;

describe('the health.repair operation', () => {
  it('a dry run writes nothing; applying with its fingerprint repairs and audits health.repaired', async () => {
    const tenant = await tenantWithoutSchema();
    const [planned] = await planRepairs(ctx(), { code: 'TENANT_SCHEMA_MISSING', slug: tenant.slug });
    expect(planned?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    const before = await repairedCount();
    const dry = await applyRepair(ctx(), planned!.finding, { dryRun: true });
    expect(dry).toMatchObject({ result: 'planned', fingerprint: planned!.fingerprint });
    expect(await schemaExists(tenant.schema)).toBe(false);
    expect(await repairedCount()).toBe(before);
    const outcome = await applyRepair(ctx(), planned!.finding, { expectFingerprint: planned!.fingerprint });
    expect(outcome).toMatchObject({ result: 'applied', remaining: null });
    expect(await schemaExists(tenant.schema)).toBe(true);
    const [audit] = await sql(`select action, after from tenantry.audit_events where tenant_id = ? order by id desc limit 1`, [tenant.id]);
    expect(audit).toMatchObject({ action: 'health.repaired', after: { code: 'TENANT_SCHEMA_MISSING' } });
    const again = await applyRepair(ctx(), planned!.finding);
    expect(again.result).toBe('unchanged');
  });

  it('a plan shown before the state changed is stale: PLAN_STALE, nothing written', async () => {
    await sql('create schema tenant_stale_left_over');
    await sql('create table tenant_stale_left_over.assets (id int)');
    const exportDir = mkdtempSync(join(tmpdir(), 'tenantry-exports-'));
    const repairCtx = testContext(database, { settings: { exportDir } });
    const planned = (await planRepairs(repairCtx, { code: 'ORPHAN_TENANT_SCHEMA' })).find((item) => item.finding.subject === 'tenant_stale_left_over');
    expect(planned?.plan.confirmText).toBe('tenant_stale_left_over');
    await sql('create table tenant_stale_left_over.devices (id int)');
    const before = await repairedCount();
    await expect(
      applyRepair(repairCtx, planned!.finding, { confirm: 'tenant_stale_left_over', expectFingerprint: planned!.fingerprint }),
    ).rejects.toMatchObject({ code: 'PLAN_STALE' });
    expect(await schemaExists('tenant_stale_left_over')).toBe(true);
    expect(readdirSync(exportDir)).toEqual([]);
    expect(await repairedCount()).toBe(before);
    const replanned = (await planRepairs(repairCtx, { code: 'ORPHAN_TENANT_SCHEMA' })).find((item) => item.finding.subject === 'tenant_stale_left_over');
    const outcome = await applyRepair(repairCtx, replanned!.finding, { confirm: 'tenant_stale_left_over', expectFingerprint: replanned!.fingerprint });
    expect(outcome).toMatchObject({ result: 'applied', remaining: null });
    expect(await repairedCount()).toBe(before + 1);
  });

  it('a destructive repair without its confirmation is refused, nothing written', async () => {
    await sql('create schema tenant_unconfirmed_left_over');
    const [finding] = (await runDoctor(ctx())).findings.filter((item) => item.subject === 'tenant_unconfirmed_left_over');
    const exportDir = mkdtempSync(join(tmpdir(), 'tenantry-exports-'));
    const repairCtx = testContext(database, { settings: { exportDir } });
    await expect(applyRepair(repairCtx, finding!)).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
    expect(await schemaExists('tenant_unconfirmed_left_over')).toBe(true);
    await applyRepair(repairCtx, finding!, { confirm: 'tenant_unconfirmed_left_over' });
    expect(await schemaExists('tenant_unconfirmed_left_over')).toBe(false);
  });

  it('only the platform may repair', async () => {
    const tenant = await tenantWithoutSchema();
    const [finding] = (await runDoctor(ctx(), { slug: tenant.slug })).findings;
    const owner = testContext(database, { actor: { type: 'user', id: tenant.ownerId, label: 'the owner' } });
    const input = { code: finding!.code, slug: tenant.slug, subject: finding!.subject, fingerprint: finding!.fingerprint };
    await expect(executeOperation(owner, repairFinding, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await schemaExists(tenant.schema)).toBe(false);
  });
});
