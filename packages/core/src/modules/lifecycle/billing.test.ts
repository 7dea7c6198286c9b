import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { runDoctor } from '../../health/doctor.ts';
import { executeOperation } from '../../operations/execute.ts';
import { failure, provisionTestTenant } from '../../testing/access-fixtures.ts';
import { testContext } from '../../testing/service-context.ts';
import { listAuditEvents } from '../audit/audit-queries.ts';
import { setBilling } from './set-billing.operation.ts';

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

const ctx = () => testContext(database);
/** The stored dates (a server's driver returns timestamps as text, PGlite as dates). */
async function tenantRow(id: string): Promise<{ paidUntil: Date | null; trialEndsAt: Date | null }> {
  const [row] = await database
    .fork()
    .execute<{ paid_until: Date | string | null; trial_ends_at: Date | string | null }[]>(
      'select paid_until, trial_ends_at from tenantry.tenants where id = ?',
      [id],
    );
  const at = (value: Date | string | null | undefined) => (value === null || value === undefined ? null : new Date(value));
  return { paidUntil: at(row?.paid_until), trialEndsAt: at(row?.trial_ends_at) };
}
const DAY = 86_400_000;

describe('tenant billing', () => {
  it('records a day as the end of that day in UTC, shown as a diff first, and clears it', async () => {
    const tenant = await provisionTestTenant(database);
    const plan = await executeOperation(ctx(), setBilling, { slug: tenant.slug, paidUntil: '2027-01-31' }, { dryRun: true });
    expect(plan.steps.map((step) => step.description)).toEqual([`Record ${tenant.slug} as paid until 2027-01-31T23:59:59.999Z`]);
    expect(plan.changes).toEqual([{ field: 'paidUntil', from: null, to: new Date('2027-01-31T23:59:59.999Z') }]);
    expect((await tenantRow(tenant.id)).paidUntil).toBeNull();

    await executeOperation(ctx(), setBilling, { slug: tenant.slug, paidUntil: '2027-01-31' }, { expectFingerprint: plan.fingerprint });
    expect((await tenantRow(tenant.id)).paidUntil?.toISOString()).toBe('2027-01-31T23:59:59.999Z');
    expect((await executeOperation(ctx(), setBilling, { slug: tenant.slug, paidUntil: '2027-01-31' })).result).toBe('unchanged');
    const [event] = await listAuditEvents(ctx(), { tenant: tenant.slug, action: 'tenant.billing_changed' });
    expect(event).toMatchObject({ before: { paidUntil: null }, after: { paidUntil: '2027-01-31T23:59:59.999Z' } });

    await executeOperation(ctx(), setBilling, { slug: tenant.slug, paidUntil: null });
    expect((await tenantRow(tenant.id)).paidUntil).toBeNull();
  });

  it('converts a running trial: ends it now, and the doctor no longer calls a paid tenant a free rider', async () => {
    const tenant = await provisionTestTenant(database, { trialDays: 14 });
    const until = new Date(Date.now() + 30 * DAY).toISOString();
    const plan = await executeOperation(ctx(), setBilling, { slug: tenant.slug, paidUntil: until, endTrial: true }, { dryRun: true });
    expect(plan.steps.map((step) => step.action)).toEqual(['set-paid-until', 'end-trial']);
    await executeOperation(ctx(), setBilling, { slug: tenant.slug, paidUntil: until, endTrial: true });
    const row = await tenantRow(tenant.id);
    expect(row.trialEndsAt?.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await runDoctor(ctx(), { slug: tenant.slug })).findings.map((finding) => finding.code)).not.toContain('TRIAL_ENDED_ACTIVE');

    await executeOperation(ctx(), setBilling, { slug: tenant.slug, paidUntil: null });
    expect((await runDoctor(ctx(), { slug: tenant.slug })).findings.map((finding) => finding.code)).toContain('TRIAL_ENDED_ACTIVE');
  });

  it('refuses a date that is not one, naming paidUntil and what is allowed', async () => {
    const tenant = await provisionTestTenant(database);
    for (const paidUntil of ['2027-02-30', 'next month', '31/01/2027']) {
      const refused = await failure(executeOperation(ctx(), setBilling, { slug: tenant.slug, paidUntil }));
      expect(refused).toMatchObject({
        code: 'INVALID_INPUT',
        details: { issues: [{ path: 'paidUntil', message: expect.stringContaining('must be a date (2027-01-31)') }] },
      });
    }
  });
});
