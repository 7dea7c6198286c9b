import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotRows, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { failure, provisionTestTenant } from '../../testing/access-fixtures.ts';
import { operationFunction } from '../../testing/operation-function.ts';
import { testContext } from '../../testing/service-context.ts';
import { outcomeCode } from '../../testing/properties.ts';
import { listAuditEvents } from '../audit/audit-queries.ts';
import { findTenant } from '../tenants/tenant-queries.service.ts';
import { parseSettingAssignments } from './assignments.ts';
import { CUSTOM_SETTINGS_MAX } from './setting-keys.ts';
import { updateSettings as settingsOp } from './update-settings.operation.ts';

const updateSettings = operationFunction(settingsOp);

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

describe('updateSettings: custom settings', () => {
  it('sets, changes and unsets custom settings, one change per key with its value whole, audited', async () => {
    const tenant = await provisionTestTenant(database);
    const set = await updateSettings(ctx(), { slug: tenant.slug, theme: 'dark', custom: { language: 'fr', limits: { a: 1, b: [1, 2] } } });
    expect(set.changes).toEqual([
      { field: 'settings.theme', from: null, to: 'dark' },
      { field: 'settings.custom.language', from: null, to: 'fr' },
      { field: 'settings.custom.limits', from: null, to: { a: 1, b: [1, 2] } },
    ]);
    // The same value again, its keys in another order, is no change.
    expect((await updateSettings(ctx(), { slug: tenant.slug, custom: { limits: { b: [1, 2], a: 1 } } })).result).toBe('unchanged');
    const changed = await updateSettings(ctx(), { slug: tenant.slug, custom: { limits: { a: 2, b: [1, 2] }, language: null, 'billing.region': 'eu' } });
    expect(changed.changes).toEqual([
      { field: 'settings.custom.billing.region', from: null, to: 'eu' },
      { field: 'settings.custom.language', from: 'fr', to: null },
      { field: 'settings.custom.limits', from: { a: 1, b: [1, 2] }, to: { a: 2, b: [1, 2] } },
    ]);
    expect((await findTenant(database.fork(), tenant.slug)).settings).toEqual({
      theme: 'dark',
      custom: { 'billing.region': 'eu', limits: { a: 2, b: [1, 2] } },
    });
    const [event] = await listAuditEvents(ctx(), { tenant: tenant.slug, action: 'tenant.settings_changed' });
    expect(event?.before).toMatchObject({ 'settings.custom.language': 'fr' });
    expect(event?.after).toMatchObject({ 'settings.custom.language': null, 'settings.custom.billing.region': 'eu' });
    await updateSettings(ctx(), { slug: tenant.slug, custom: { limits: null, 'billing.region': null } });
    expect((await findTenant(database.fork(), tenant.slug)).settings).toEqual({ theme: 'dark' });
  });

  it('refuses bad names, values past the size bound and more settings than a tenant holds, naming the field, writing nothing', async () => {
    const tenant = await provisionTestTenant(database);
    const bad = await failure(updateSettings(ctx(), { slug: tenant.slug, custom: { Language: 'fr', 'a..b': 1, big: 'x'.repeat(2100) } }));
    expect(bad.details.issues).toEqual([
      { path: 'custom.Language', message: expect.stringContaining('(such as custom.language)') },
      { path: 'custom.a..b', message: expect.stringContaining('lower-case letters') },
      { path: 'custom.big', message: 'is 2102 bytes of JSON; at most 2048' },
    ]);
    const full = Object.fromEntries(Array.from({ length: CUSTOM_SETTINGS_MAX }, (_, index) => [`key_${index}`, index]));
    expect((await updateSettings(ctx(), { slug: tenant.slug, custom: full })).result).toBe('applied');
    const before = await snapshotRows((sql) => database.fork().execute<Record<string, unknown>[]>(sql));
    const over = await failure(updateSettings(ctx(), { slug: tenant.slug, theme: 'dark', custom: { one_more: true } }));
    expect(over.details.issues).toEqual([
      { path: 'custom', message: expect.stringContaining(`at most ${CUSTOM_SETTINGS_MAX} custom settings; this change would make 51`) },
    ]);
    expect(await snapshotRows((sql) => database.fork().execute<Record<string, unknown>[]>(sql))).toEqual(before);
    // Unsetting one makes room in the same change.
    expect((await updateSettings(ctx(), { slug: tenant.slug, custom: { key_0: null, one_more: true } })).result).toBe('applied');
  });
});

describe('parseSettingAssignments: custom.<name>=value', () => {
  it('takes the value as JSON when it is valid JSON, else as text; empty or null unsets', () => {
    expect(
      parseSettingAssignments([
        'custom.language=fr',
        'custom.limits={"a":1}',
        'custom.count= 3 ',
        'custom.flag=true',
        'custom.quoted="3"',
        'custom.zip=01234',
        'custom.gone=',
        'custom.also_gone=null',
        'custom.billing.region=eu west',
        'theme=dark',
      ]),
    ).toEqual({
      theme: 'dark',
      custom: { language: 'fr', limits: { a: 1 }, count: 3, flag: true, quoted: '3', zip: '01234', gone: null, also_gone: null, 'billing.region': 'eu west' },
    });
  });

  it('names a bad custom name and points an unknown key to custom', () => {
    let caught: unknown;
    try {
      parseSettingAssignments(['custom.supportTier=gold', 'custom.=x', 'language=fr']);
    } catch (error) {
      caught = error;
    }
    expect((caught as { details: { issues: unknown[] } }).details.issues).toEqual([
      { path: 'custom.supportTier', message: expect.stringContaining('(such as custom.support_tier)') },
      { path: 'custom.', message: expect.stringContaining('lower-case letters') },
      { path: 'settings', message: expect.stringContaining('such as custom.language') },
    ]);
    expect(outcomeOf(['custom.__proto__=1'])).toBe('INVALID_INPUT');
    expect(outcomeOf(['custom.constructor=1'])).toEqual(null);
  });
});

const outcomeOf = (assignments: string[]) => outcomeCode(() => parseSettingAssignments(assignments));
