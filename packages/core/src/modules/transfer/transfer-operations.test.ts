import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotRows, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { executeOperation } from '../../operations/execute.ts';
import { addTestMember, failure, provisionTestTenant, userContext } from '../../testing/access-fixtures.ts';
import { testContext } from '../../testing/service-context.ts';
import { exportTenantOperation } from './export-tenant.operation.ts';
import { importTenantOperation } from './import-tenant.operation.ts';

let testDatabase: TestDatabase;
let database: Database;
const directory = mkdtempSync(join(tmpdir(), 'tenantry-transfer-'));

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openDatabase(testDatabase.coreOptions);
});

afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
});

const ctx = () => testContext(database);
const snapshot = () => snapshotRows((sql) => database.fork().execute<Record<string, unknown>[]>(sql));
const exportedText = async (slug: string) => (await executeOperation(ctx(), exportTenantOperation, { slug, file: null })).data.text;

describe('the tenant.export operation', () => {
  it('plans the file it writes with the tables and row counts; the dry run writes no file and no row; applying writes that file, audited', async () => {
    const tenant = await provisionTestTenant(database);
    const file = join(directory, `${tenant.slug}.tenant.jsonl`);
    const before = await snapshot();
    const planned = await executeOperation(ctx(), exportTenantOperation, { slug: tenant.slug, file }, { dryRun: true });
    expect(planned.result).toBe('planned');
    expect(planned.steps.map((step) => step.action)).toEqual(['read-export', 'write-export', 'audit']);
    expect(planned.steps[1]?.description).toContain(file);
    expect(planned.steps[0]?.description).toContain('control memberships 1');
    expect(planned.data.summary).toMatchObject({ file, tenant: { slug: tenant.slug }, rows: { control: expect.any(Number) as number } });
    expect(existsSync(file)).toBe(false);
    expect(await snapshot()).toEqual(before);

    const applied = await executeOperation(ctx(), exportTenantOperation, { slug: tenant.slug, file }, { expectFingerprint: planned.fingerprint });
    expect(applied).toMatchObject({ result: 'applied', steps: planned.steps, data: { summary: { file, tables: planned.data.summary.tables } } });
    expect(readFileSync(file, 'utf8')).toBe(applied.data.text);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const events = await database
      .fork()
      .execute<{ after: { file: string } }[]>(`select after from tenantry.audit_events where action = 'tenant.exported' and tenant_id = ?`, [tenant.id]);
    expect(events).toEqual([expect.objectContaining({ after: expect.objectContaining({ file }) as unknown })]);
  });

  it('a plan shown before the tenant changed is stale: no file is written', async () => {
    const tenant = await provisionTestTenant(database);
    const file = join(directory, `${tenant.slug}-stale.tenant.jsonl`);
    const planned = await executeOperation(ctx(), exportTenantOperation, { slug: tenant.slug, file }, { dryRun: true });
    await addTestMember(database, tenant.slug, ['admin']);
    expect((await failure(executeOperation(ctx(), exportTenantOperation, { slug: tenant.slug, file }, { expectFingerprint: planned.fingerprint }))).code).toBe(
      'PLAN_STALE',
    );
    expect(existsSync(file)).toBe(false);
  });

  it('is refused to a tenant user, dry run or not', async () => {
    const tenant = await provisionTestTenant(database);
    const owner = userContext(database, { userId: tenant.ownerId, email: tenant.ownerEmail });
    const file = join(directory, `${tenant.slug}-forbidden.tenant.jsonl`);
    expect((await failure(executeOperation(owner, exportTenantOperation, { slug: tenant.slug, file }, { dryRun: true }))).code).toBe('FORBIDDEN');
    expect((await failure(executeOperation(owner, exportTenantOperation, { slug: tenant.slug, file }))).code).toBe('FORBIDDEN');
    expect(existsSync(file)).toBe(false);
  });
});

describe('the tenant.import operation', () => {
  it('its plan is the import plan; the dry run writes nothing; applying carries out that plan', async () => {
    const tenant = await provisionTestTenant(database);
    const text = await exportedText(tenant.slug);
    const before = await snapshot();
    const planned = await executeOperation(ctx(), importTenantOperation, { text, slug: `${tenant.slug}-copy` }, { dryRun: true });
    expect(planned.result).toBe('planned');
    expect(planned.steps.map((step) => step.action)).toEqual(['create-tenant', 'users', 'control-plane', 'data-space', 'audit']);
    expect(await snapshot()).toEqual(before);
    const applied = await executeOperation(ctx(), importTenantOperation, { text, slug: `${tenant.slug}-copy` }, { expectFingerprint: planned.fingerprint });
    expect(applied).toMatchObject({
      result: 'applied',
      steps: planned.steps,
      value: { tenant: { slug: `${tenant.slug}-copy` }, users: planned.data.summary.users },
    });
    const [event] = await database
      .fork()
      .execute<{ target_id: string }[]>(`select target_id from tenantry.audit_events where action = 'tenant.imported' and target_id = ?`, [
        applied.value?.tenant.id,
      ]);
    expect(event).toBeDefined();
  });

  it('a plan shown before the state here changed (a user it would create now exists) is stale, and nothing is written', async () => {
    const tenant = await provisionTestTenant(database);
    const member = await addTestMember(database, tenant.slug, ['admin']);
    const text = await exportedText(tenant.slug);
    const em = database.fork();
    await em.execute('delete from tenantry.role_assignments where membership_id in (select id from tenantry.memberships where user_id = ?)', [member.userId]);
    await em.execute('delete from tenantry.memberships where user_id = ?', [member.userId]);
    await em.execute('delete from tenantry.users where id = ?', [member.userId]);
    const planned = await executeOperation(ctx(), importTenantOperation, { text, slug: `${tenant.slug}-later` }, { dryRun: true });
    expect(planned.data.summary.users.created).toContain(member.email);
    const other = await provisionTestTenant(database);
    await addTestMember(database, other.slug, ['admin'], member.email);
    const before = await snapshot();
    expect(
      (await failure(executeOperation(ctx(), importTenantOperation, { text, slug: `${tenant.slug}-later` }, { expectFingerprint: planned.fingerprint }))).code,
    ).toBe('PLAN_STALE');
    expect(await snapshot()).toEqual(before);
  });

  it('is refused to a tenant user, dry run or not', async () => {
    const tenant = await provisionTestTenant(database);
    const owner = userContext(database, { userId: tenant.ownerId, email: tenant.ownerEmail });
    const text = await exportedText(tenant.slug);
    const before = await snapshot();
    expect((await failure(executeOperation(owner, importTenantOperation, { text, slug: `${tenant.slug}-mine` }, { dryRun: true }))).code).toBe('FORBIDDEN');
    expect((await failure(executeOperation(owner, importTenantOperation, { text, slug: `${tenant.slug}-mine` }))).code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
  });
});
