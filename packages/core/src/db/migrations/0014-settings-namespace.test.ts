import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../database.ts';
import { migrateControlPlane } from '../control-plane-migrator.ts';
import { provisionTestTenant, type TestTenant } from '../../testing/access-fixtures.ts';
import { testContext } from '../../testing/service-context.ts';
import { operationFunction } from '../../testing/operation-function.ts';
import { tenantSettingsDocument } from '../../modules/settings/settings.schemas.ts';
import { updateSettings as settingsOp } from '../../modules/settings/update-settings.operation.ts';
import { parseInput } from '../../validation/parse-input.ts';

const updateSettings = operationFunction(settingsOp);

let testDatabase: TestDatabase;
let database: Database;
let first: TestTenant;
let second: TestTenant;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openDatabase(testDatabase.coreOptions);
  first = await provisionTestTenant(database);
  second = await provisionTestTenant(database);
});

afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
});

const em = () => database.fork();

/** Settings as bulk files once stored them: written raw, past every schema. */
async function writeRaw(tenant: TestTenant, settings: unknown): Promise<void> {
  await em().execute('update tenantry.tenants set settings = ?::jsonb where id = ?', [JSON.stringify(settings), tenant.id]);
}

async function stored(tenant: TestTenant): Promise<unknown> {
  const [row] = await em().execute<{ settings: unknown }[]>('select settings from tenantry.tenants where id = ?', [tenant.id]);
  return row?.settings;
}

/** Runs 0014 again through the migrator, as on a database migrated before it. */
async function migrateFrom0013(): Promise<string[]> {
  await em().execute("delete from tenantry.schema_migrations where id = '0014_settings_namespace'");
  return migrateControlPlane(em());
}

const cases: [string, unknown, unknown][] = [
  [
    'renames aliases of typed settings and moves unknown keys under custom, as custom names',
    { theme: 'corporate', notifications: { email: true, in_app: false }, language: 'fr', customerTier: 'gold', 'support-tier': { level: 2 } },
    { theme: 'corporate', notifications: { email: true, inApp: false }, custom: { language: 'fr', customer_tier: 'gold', support_tier: { level: 2 } } },
  ],
  [
    'keeps the typed spelling when both are there, and takes dotted and capitalised typed keys',
    { notifications: { inApp: true, in_app: false, sms: true }, 'notifications.email': false, Theme: 'dark' },
    { theme: 'dark', notifications: { inApp: true, email: false }, custom: { 'notifications.sms': true } },
  ],
  [
    'moves refused typed values under custom, keeps existing custom names, numbers taken names, drops nulls',
    {
      theme: '<script>',
      custom: { language: 'en', Language: 'de' },
      language: 'fr',
      monitoring: { storage: 0.8, users: 5 },
      '2fa': true,
      'x y': null,
      '!!!': 'odd',
    },
    {
      monitoring: { storage: 0.8 },
      custom: {
        language: 'en',
        language_2: 'de',
        language_3: 'fr',
        theme: '<script>',
        'monitoring.users': 5,
        n2fa: true,
        [`legacy_${createHash('md5').update('!!!').digest('hex').slice(0, 8)}`]: 'odd',
      },
    },
  ],
  ['keeps a custom value that is not an object under custom.custom', { custom: 'x', notifications: true }, { custom: { custom: 'x', notifications: true } }],
  [
    'leaves a document already in the one spelling as it is',
    { theme: null, custom: { 'billing.region': 'eu' } },
    { theme: null, custom: { 'billing.region': 'eu' } },
  ],
  ['leaves an empty document empty', {}, {}],
];

describe('migration 0014_settings_namespace', () => {
  it.each(cases)('%s', async (_title, raw, expected) => {
    await writeRaw(first, raw);
    await writeRaw(second, { Language: 'nl' });
    expect(await migrateFrom0013()).toEqual(['0014_settings_namespace']);
    expect(await stored(first)).toEqual(expected);
    expect(await stored(second)).toEqual({ custom: { language: 'nl' } });
    // What it leaves is what every path accepts: the stored document's own schema.
    expect(() => parseInput(tenantSettingsDocument, expected)).not.toThrow();
  });

  it('drops its functions, and leaves settings tenant set can change key by key', async () => {
    await writeRaw(first, { notifications: { in_app: true }, language: 'fr' });
    await migrateFrom0013();
    const [left] = await em().execute<{ count: string }[]>(
      "select count(*)::text as count from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'tenantry' and p.proname like 'migration_0014%'",
    );
    expect(left?.count).toBe('0');
    const outcome = await updateSettings(testContext(database), {
      slug: first.slug,
      notifications: { inApp: false },
      custom: { language: null, region: 'eu' },
    });
    expect(outcome.changes).toEqual([
      { field: 'settings.notifications.inApp', from: true, to: false },
      { field: 'settings.custom.language', from: 'fr', to: null },
      { field: 'settings.custom.region', from: null, to: 'eu' },
    ]);
    expect(await stored(first)).toEqual({ notifications: { inApp: false }, custom: { region: 'eu' } });
  });
});
