import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotRows, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { testContext } from '../../testing/service-context.ts';
import { verifyPassword } from '../users/password.ts';
import { provisionTenant } from '../tenants/provision.service.ts';
import { provisionBulk } from './bulk.service.ts';

let testDatabase: TestDatabase;
let database: Database;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openDatabase(testDatabase.coreOptions);
  await provisionTenant(testContext(database), { name: 'Existing', slug: 'bulk-existing', ownerEmail: 'owner@existing.test' });
});

afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
});

const rows = (sql: string, params: unknown[] = []) => database.fork().execute<Record<string, unknown>[]>(sql, params);
const sources = (inputs: Record<string, unknown>[]) => inputs.map((input, index) => ({ row: index + 1, line: index + 2, input }));
const outcomes = (report: Awaited<ReturnType<typeof provisionBulk>>) => report.rows.map((row) => [row.row, row.slug, row.outcome, row.error?.code ?? null]);

const FILE = sources([
  { name: 'Bulk One', slug: 'bulk-one', ownerEmail: 'one@bulk.test', plan: 'professional', settings: { theme: 'corporate', notifications: { email: true } } },
  {
    name: 'Bulk Two',
    slug: 'bulk-two',
    ownerEmail: 'two@bulk.test',
    isolation: 'shared',
    invitations: [{ email: 'manager@bulk.test', role: 'admin' }, { email: 'viewer@bulk.test' }],
  },
  { name: 'Bad Row', slug: 'Bad Slug', ownerEmail: 'not-an-email', maxUsers: 0 },
  { name: 'Duplicate', slug: 'bulk-one', ownerEmail: 'dup@bulk.test' },
  { name: 'Taken', slug: 'bulk-existing', ownerEmail: 'taken@bulk.test' },
  { name: 'Same Owner', slug: 'bulk-three', ownerEmail: 'one@bulk.test' },
  { name: 'Linked Owner', slug: 'bulk-four', ownerEmail: 'one@bulk.test', allowExistingUser: true, isolation: 'shared', skipDemoData: true },
]);

describe('provisionBulk', () => {
  it('dry run checks every row and plans the valid ones, writing nothing', async () => {
    const before = await snapshotRows((sql) => rows(sql));
    const report = await provisionBulk(testContext(database), FILE, { dryRun: true });
    expect(outcomes(report)).toEqual([
      [1, 'bulk-one', 'planned', null],
      [2, 'bulk-two', 'planned', null],
      [3, 'Bad Slug', 'failed', 'INVALID_INPUT'],
      [4, 'bulk-one', 'failed', 'INVALID_INPUT'],
      [5, 'bulk-existing', 'failed', 'SLUG_TAKEN'],
      [6, 'bulk-three', 'failed', 'EMAIL_TAKEN'],
      [7, 'bulk-four', 'planned', null],
    ]);
    expect(report.rows[2]?.error?.details.issues).toEqual([
      expect.objectContaining({ path: 'slug' }),
      expect.objectContaining({ path: 'ownerEmail' }),
      expect.objectContaining({ path: 'maxUsers' }),
    ]);
    expect(report.rows[0]?.steps?.map((step) => step.action)).toContain('run-migration');
    expect(report.rows[0]).toMatchObject({ line: 2 });
    // Every step the real run performs: the provisioning operation's plan, the settings, the invitations.
    expect(report.rows[0]?.steps?.map((step) => step.action).slice(0, 3)).toEqual(['create-tenant', 'set-settings', 'create-user']);
    expect(report.rows[0]?.steps?.find((step) => step.action === 'set-settings')?.description).toContain('theme, notifications');
    expect(report.rows[1]?.steps?.filter((step) => step.action === 'send-invitation').map((step) => step.description)).toEqual([
      expect.stringContaining('manager@bulk.test to bulk-two as admin'),
      expect.stringContaining('viewer@bulk.test to bulk-two'),
    ]);
    expect(report.rows[1]?.steps?.at(-1)?.action).toBe('send-invitation');
    expect(await snapshotRows((sql) => rows(sql))).toEqual(before);
  });

  it('strict mode writes nothing when a row is invalid', async () => {
    const report = await provisionBulk(testContext(database), FILE, { strict: true });
    expect(report.summary).toMatchObject({ created: 0, failed: 4, skipped: 3 });
    expect(await rows(`select count(*)::int as n from tenantry.tenants where slug like 'bulk-%'`)).toEqual([{ n: 1 }]);
  });

  it('creates each valid row in its own transaction, reports every row, and invites the users', async () => {
    const seen: number[] = [];
    const report = await provisionBulk(testContext(database), FILE, { concurrency: 3, onRow: (_row, done) => seen.push(done) });
    expect(outcomes(report)).toEqual([
      [1, 'bulk-one', 'created', null],
      [2, 'bulk-two', 'created', null],
      [3, 'Bad Slug', 'failed', 'INVALID_INPUT'],
      [4, 'bulk-one', 'failed', 'INVALID_INPUT'],
      [5, 'bulk-existing', 'failed', 'SLUG_TAKEN'],
      [6, 'bulk-three', 'failed', 'EMAIL_TAKEN'],
      [7, 'bulk-four', 'created', null],
    ]);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(report.summary).toEqual({ rows: 7, created: 3, unchanged: 0, failed: 4, planned: 0, skipped: 0, invitationsSent: 2 });
    const one = report.rows[0];
    const [hash] = await rows('select password_hash from tenantry.users where email = ?', ['one@bulk.test']);
    expect(await verifyPassword(String(one?.owner?.oneTimePassword), String(hash?.password_hash))).toBe(true);
    expect(report.rows[6]?.owner).toEqual({ email: 'one@bulk.test', existingUser: true });
    expect(await rows(`select settings from tenantry.tenants where slug = 'bulk-one'`)).toEqual([
      { settings: { theme: 'corporate', notifications: { email: true } } },
    ]);
    expect(
      await rows(
        `select email, role, state from tenantry.invitations i join tenantry.tenants t on t.id = i.tenant_id where t.slug = 'bulk-two' order by email`,
      ),
    ).toEqual([
      { email: 'manager@bulk.test', role: 'admin', state: 'pending' },
      { email: 'viewer@bulk.test', role: null, state: 'pending' },
    ]);
    const migrated = await rows(
      `select t.slug, count(m.*)::int as n from tenantry.tenants t left join tenantry.tenant_migrations m on m.tenant_id = t.id where t.slug in ('bulk-one', 'bulk-two', 'bulk-four') group by t.slug order by 1`,
    );
    expect(migrated).toEqual([
      { slug: 'bulk-four', n: 3 },
      { slug: 'bulk-one', n: 3 },
      { slug: 'bulk-two', n: 3 },
    ]);
  });

  it('a dry run of a file already applied plans nothing but the invitations still missing', async () => {
    const extra = sources([
      {
        name: 'Bulk Two',
        slug: 'bulk-two',
        ownerEmail: 'two@bulk.test',
        isolation: 'shared',
        invitations: [{ email: 'manager@bulk.test', role: 'admin' }, { email: 'late@bulk.test' }],
      },
    ]);
    const planned = await provisionBulk(testContext(database), extra, { dryRun: true });
    expect(planned.rows[0]).toMatchObject({
      outcome: 'unchanged',
      steps: [{ action: 'send-invitation', description: expect.stringContaining('late@bulk.test') }],
    });
  });

  it('re-running the same rows creates nothing twice and invites nobody twice', async () => {
    const before = await rows(
      `select count(*)::int as tenants, (select count(*)::int from tenantry.invitations) as invitations, (select count(*)::int from tenantry.users) as users from tenantry.tenants`,
    );
    const report = await provisionBulk(testContext(database), FILE);
    expect(report.summary).toMatchObject({ created: 0, unchanged: 3, failed: 4, invitationsSent: 0 });
    expect(report.rows[1]?.invitations?.map((i) => i.outcome)).toEqual(['exists', 'exists']);
    expect(report.rows[0]?.owner?.oneTimePassword).toBeUndefined();
    expect(
      await rows(
        `select count(*)::int as tenants, (select count(*)::int from tenantry.invitations) as invitations, (select count(*)::int from tenantry.users) as users from tenantry.tenants`,
      ),
    ).toEqual(before);
  });

  it('owners without a password when asked: no hash, no one-time password', async () => {
    const report = await provisionBulk(
      testContext(database),
      sources([{ name: 'No Password', slug: 'bulk-nopass', ownerEmail: 'nopass@bulk.test', skipDemoData: true }]),
      { ownerPasswords: 'none' },
    );
    expect(report.rows[0]).toMatchObject({ outcome: 'created', owner: { email: 'nopass@bulk.test', existingUser: false } });
    expect(report.rows[0]?.owner?.oneTimePassword).toBeUndefined();
    expect(await rows('select password_hash, must_change_password from tenantry.users where email = ?', ['nopass@bulk.test'])).toEqual([
      { password_hash: null, must_change_password: true },
    ]);
  });
});

describe('provisionBulk refuses what tenant create and tenant set refuse', () => {
  it("refuses a domain column claiming another tenant's platform subdomain, a future tenant's or a consumer mail domain", async () => {
    const ctx = testContext(database, { settings: { baseDomain: 'example.com' } });
    await provisionTenant(ctx, { name: 'Shr', slug: 'shr', ownerEmail: 'owner@shr.test' });
    const before = await snapshotRows((sql) => rows(sql));
    const file = sources([
      { name: 'Squat One', slug: 'squat-one', ownerEmail: 'a@squat.test', domain: 'shr.example.com' },
      { name: 'Squat Two', slug: 'squat-two', ownerEmail: 'b@squat.test', domain: 'future.example.com' },
      { name: 'Squat Three', slug: 'squat-three', ownerEmail: 'c@squat.test', domain: 'gmail.com' },
    ]);
    const report = await provisionBulk(ctx, file);
    expect(outcomes(report)).toEqual([
      [1, 'squat-one', 'failed', 'INVALID_INPUT'],
      [2, 'squat-two', 'failed', 'INVALID_INPUT'],
      [3, 'squat-three', 'failed', 'INVALID_INPUT'],
    ]);
    for (const row of report.rows) expect(row.error?.details.issues).toEqual([expect.objectContaining({ path: 'domain' })]);
    expect(await snapshotRows((sql) => rows(sql))).toEqual(before);
    expect(
      await rows(`select t.slug, d.is_primary from tenantry.domains d join tenantry.tenants t on t.id = d.tenant_id where d.hostname = 'shr.example.com'`),
    ).toEqual([{ slug: 'shr', is_primary: true }]);
  });

  it('validates settings as tenant set does: a theme with markup is refused, naming the field', async () => {
    const report = await provisionBulk(
      testContext(database),
      sources([
        { name: 'Markup', slug: 'bulk-markup', ownerEmail: 'm@bulk.test', settings: { theme: '<script>alert(1)</script>' } },
        { name: 'Extra', slug: 'bulk-extra', ownerEmail: 'x@bulk.test', settings: { injected: { deep: true } } },
      ]),
    );
    expect(outcomes(report)).toEqual([
      [1, 'bulk-markup', 'failed', 'INVALID_INPUT'],
      [2, 'bulk-extra', 'failed', 'INVALID_INPUT'],
    ]);
    expect(report.rows[0]?.error?.details.issues).toEqual([expect.objectContaining({ path: 'settings.theme' })]);
    expect(report.rows[1]?.error?.details.issues).toEqual([expect.objectContaining({ path: 'settings.injected' })]);
    expect(await rows(`select slug from tenantry.tenants where slug in ('bulk-markup', 'bulk-extra')`)).toEqual([]);
  });

  it('takes schemaName and adoptSchema per row: one schema per row, adopted only when it exists', async () => {
    await rows('create schema bulk_adopted');
    await rows('create schema bulk_left_over');
    const report = await provisionBulk(
      testContext(database),
      sources([
        { name: 'Named', slug: 'bulk-named', ownerEmail: 'named@bulk.test', schemaName: 'bulk_named', skipDemoData: true },
        { name: 'Same Schema', slug: 'bulk-same-schema', ownerEmail: 'same@bulk.test', schemaName: 'bulk_named' },
        { name: 'Adopted', slug: 'bulk-adopted', ownerEmail: 'adopted@bulk.test', schemaName: 'bulk_adopted', adoptSchema: true },
        { name: 'Not There', slug: 'bulk-not-there', ownerEmail: 'nothere@bulk.test', schemaName: 'bulk_nowhere', adoptSchema: true },
        { name: 'Exists', slug: 'bulk-exists', ownerEmail: 'exists@bulk.test', schemaName: 'bulk_left_over' },
      ]),
    );
    expect(outcomes(report)).toEqual([
      [1, 'bulk-named', 'created', null],
      [2, 'bulk-same-schema', 'failed', 'INVALID_INPUT'],
      [3, 'bulk-adopted', 'created', null],
      [4, 'bulk-not-there', 'failed', 'SCHEMA_NOT_FOUND'],
      [5, 'bulk-exists', 'failed', 'CONFLICT'],
    ]);
    expect(report.rows[1]?.error?.details.issues).toEqual([{ path: 'schemaName', message: 'bulk_named is also the schema of row 1' }]);
    expect(await rows(`select slug, schema_name from tenantry.tenants where slug like 'bulk-%' and schema_name like 'bulk\\_%' order by 1`)).toEqual([
      { slug: 'bulk-adopted', schema_name: 'bulk_adopted' },
      { slug: 'bulk-named', schema_name: 'bulk_named' },
    ]);
  });
});

describe('provisionBulk settings in the one spelling', () => {
  it('stores aliases of typed settings by their name and custom settings under custom', async () => {
    const report = await provisionBulk(
      testContext(database),
      sources([
        {
          name: 'Spelt',
          slug: 'bulk-spelt',
          ownerEmail: 's@bulk.test',
          isolation: 'shared',
          settings: { Theme: 'dark', notifications: { email: true, in_app: false }, 'custom.language': 'fr', custom: { limits: { a: 1 } } },
        },
      ]),
    );
    expect(outcomes(report)).toEqual([[1, 'bulk-spelt', 'created', null]]);
    expect(await rows(`select settings from tenantry.tenants where slug = 'bulk-spelt'`)).toEqual([
      { settings: { theme: 'dark', notifications: { email: true, inApp: false }, custom: { language: 'fr', limits: { a: 1 } } } },
    ]);
  });

  it('refuses a key neither typed nor under custom, two spellings of one setting, and a bad custom name, naming each', async () => {
    const report = await provisionBulk(
      testContext(database),
      sources([
        { name: 'Loose', slug: 'bulk-loose', ownerEmail: 'l@bulk.test', settings: { language: 'fr', notifications: { sms: true } } },
        { name: 'Twice', slug: 'bulk-twice', ownerEmail: 't@bulk.test', settings: { notifications: { inApp: true, in_app: false } } },
        { name: 'Named', slug: 'bulk-custom-name', ownerEmail: 'n@bulk.test', settings: { custom: { Language: 'fr', big: 'x'.repeat(3000) } } },
      ]),
    );
    expect(outcomes(report)).toEqual([
      [1, 'bulk-loose', 'failed', 'INVALID_INPUT'],
      [2, 'bulk-twice', 'failed', 'INVALID_INPUT'],
      [3, 'bulk-custom-name', 'failed', 'INVALID_INPUT'],
    ]);
    expect(report.rows[0]?.error?.details.issues).toEqual([
      { path: 'settings.notifications.sms', message: 'is not a notification switch: email or inApp' },
      { path: 'settings.language', message: expect.stringContaining('custom (custom.<name>') },
    ]);
    expect(report.rows[1]?.error?.details.issues).toEqual([
      { path: 'settings.notifications.in_app', message: 'names the same setting as notifications.inApp; give it once' },
    ]);
    expect(report.rows[2]?.error?.details.issues).toEqual([
      { path: 'settings.custom.Language', message: expect.stringContaining('such as custom.language') },
      { path: 'settings.custom.big', message: expect.stringContaining('at most 2048') },
    ]);
    expect(await rows(`select slug from tenantry.tenants where slug in ('bulk-loose', 'bulk-twice', 'bulk-custom-name')`)).toEqual([]);
  });
});
