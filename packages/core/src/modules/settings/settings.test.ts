import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotRows, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { addTestMember, failure, provisionTestTenant, userContext } from '../../testing/access-fixtures.ts';
import { testContext } from '../../testing/service-context.ts';
import { listAuditEvents } from '../audit/audit-queries.ts';
import { findTenant } from '../tenants/tenant-queries.service.ts';
import { parseSettingAssignments } from './assignments.ts';
import { resolveSettingKey } from './setting-keys.ts';
import { parseCidr } from './cidr.ts';
import { updateSecurityPolicy as policyOp } from './update-policy.operation.ts';
import { updateSettings as settingsOp } from './update-settings.operation.ts';
import { operationFunction } from '../../testing/operation-function.ts';

const updateSecurityPolicy = operationFunction(policyOp);
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

const snapshot = () => snapshotRows((sql) => database.fork().execute<Record<string, unknown>[]>(sql));
const ctx = () => testContext(database);

describe('updateSettings', () => {
  it('changes time zone, support contact, theme and notifications with a diff; null clears', async () => {
    const tenant = await provisionTestTenant(database, { supportPhone: '+1 555 123 4567' });
    const outcome = await updateSettings(ctx(), {
      slug: tenant.slug,
      timeZone: 'America/New_York',
      supportEmail: 'Help@Acme.example',
      supportPhone: null,
      theme: 'corporate',
      notifications: { email: true, inApp: false },
    });
    expect(outcome.result).toBe('applied');
    expect(outcome.changes).toEqual([
      { field: 'timeZone', from: 'UTC', to: 'America/New_York' },
      { field: 'supportEmail', from: null, to: 'help@acme.example' },
      { field: 'supportPhone', from: '+1 555 123 4567', to: null },
      { field: 'settings.theme', from: null, to: 'corporate' },
      { field: 'settings.notifications', from: null, to: { email: true, inApp: false } },
    ]);
    const saved = await findTenant(database.fork(), tenant.slug);
    expect(saved.settings).toEqual({ theme: 'corporate', notifications: { email: true, inApp: false } });
    expect((await updateSettings(ctx(), { slug: tenant.slug, notifications: { email: true } })).result).toBe('unchanged');
    const [event] = await listAuditEvents(ctx(), { tenant: tenant.slug, action: 'tenant.settings_changed' });
    expect(event?.after).toMatchObject({ timeZone: 'America/New_York', 'settings.theme': 'corporate' });
  });

  it('refuses bad values by field, writes nothing on a dry run, and lets admins but not viewers change settings', async () => {
    const tenant = await provisionTestTenant(database);
    const bad = await failure(updateSettings(ctx(), { slug: tenant.slug, timeZone: 'Mars/Olympus', supportEmail: 'nope', theme: 'Bad Theme!' }));
    expect(bad.details.issues).toEqual([
      expect.objectContaining({ path: 'timeZone' }),
      expect.objectContaining({ path: 'supportEmail' }),
      expect.objectContaining({ path: 'theme' }),
    ]);
    const before = await snapshot();
    expect((await updateSettings(ctx(), { slug: tenant.slug, theme: 'dark' }, { dryRun: true })).result).toBe('planned');
    expect(await snapshot()).toEqual(before);
    const admin = await addTestMember(database, tenant.slug, ['admin']);
    expect((await updateSettings(userContext(database, admin), { slug: tenant.slug, theme: 'dark' })).result).toBe('applied');
    const viewer = await addTestMember(database, tenant.slug, ['viewer']);
    expect((await failure(updateSettings(userContext(database, viewer), { slug: tenant.slug, theme: 'light' }))).code).toBe('FORBIDDEN');
  });
});

describe('parseSettingAssignments', () => {
  it('maps key=value pairs, clears with an empty value, and names every bad one', () => {
    expect(parseSettingAssignments(['timezone=Europe/Paris', 'support-email=', 'theme=dark', 'notifications.in-app=off', 'notifications.email=on'])).toEqual({
      timeZone: 'Europe/Paris',
      supportEmail: null,
      theme: 'dark',
      notifications: { inApp: false, email: true },
    });
    expect(parseSettingAssignments(['support_email=a@b.test', 'supportPhone=', 'Time_Zone=UTC', 'notifications.in_app=on', 'notifications.inApp=on'])).toEqual({
      supportEmail: 'a@b.test',
      supportPhone: null,
      timeZone: 'UTC',
      notifications: { inApp: true },
    });
    expect(resolveSettingKey('CONTACT_EMAIL')).toBe('contactEmail');
    expect(resolveSettingKey('support email')).toBeUndefined();
    let caught: unknown;
    try {
      parseSettingAssignments(['colour=red', 'novalue', 'notifications.email=maybe', 'timezone=']);
    } catch (error) {
      caught = error;
    }
    expect((caught as { details: { issues: { path: string }[] } }).details.issues.map((issue) => issue.path)).toEqual([
      'settings',
      'settings',
      'notifications.email',
      'timeZone',
    ]);
  });
});

describe('parseSettingAssignments: names of Object.prototype are unknown keys, not settings', () => {
  it.each(['constructor=1', '__proto__=1', 'toString=x', 'hasOwnProperty=1', 'notifications.email=constructor', 'notifications.in-app=__proto__'])(
    '%s is INVALID_INPUT',
    (assignment) => {
      let caught: unknown;
      try {
        parseSettingAssignments([assignment]);
      } catch (error) {
        caught = error;
      }
      expect(caught).toMatchObject({ code: 'INVALID_INPUT' });
    },
  );
});

describe('updateSecurityPolicy', () => {
  it('changes 2FA, session timeout, password rules and normalized CIDRs; only an owner may', async () => {
    const tenant = await provisionTestTenant(database);
    const owner = userContext(database, { userId: tenant.ownerId, email: tenant.ownerEmail });
    const outcome = await updateSecurityPolicy(owner, {
      slug: tenant.slug,
      require2fa: true,
      sessionTimeoutMinutes: 240,
      password: { minLength: 14, requireSymbols: true },
      allowedIpRanges: ['192.168.1.0/24', '10.0.0.0/8', '2001:DB8:0:0::/32', '203.0.113.7'],
    });
    expect(outcome.policy).toEqual({
      require2fa: true,
      sessionTimeoutMinutes: 240,
      password: { minLength: 14, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true, history: 0 },
      allowedIpRanges: ['192.168.1.0/24', '10.0.0.0/8', '2001:db8::/32', '203.0.113.7/32'],
    });
    expect(outcome.changes.map((change) => change.field)).toEqual([
      'securityPolicy.require2fa',
      'securityPolicy.sessionTimeoutMinutes',
      'securityPolicy.password.minLength',
      'securityPolicy.password.requireSymbols',
      'securityPolicy.allowedIpRanges',
    ]);
    const [event] = await listAuditEvents(ctx(), { tenant: tenant.slug, action: 'tenant.policy_changed' });
    expect(event?.after).toMatchObject({ 'securityPolicy.password.minLength': 14 });
    const admin = await addTestMember(database, tenant.slug, ['admin']);
    expect((await failure(updateSecurityPolicy(userContext(database, admin), { slug: tenant.slug, require2fa: false }))).code).toBe('FORBIDDEN');
    const bad = await failure(updateSecurityPolicy(ctx(), { slug: tenant.slug, sessionTimeoutMinutes: 1, allowedIpRanges: ['192.168.1.5/24', 'not-an-ip'] }));
    expect(bad.details.issues).toEqual([
      expect.objectContaining({ path: 'sessionTimeoutMinutes' }),
      expect.objectContaining({ path: 'allowedIpRanges.0', message: expect.stringContaining('192.168.1.0/24') }),
      expect.objectContaining({ path: 'allowedIpRanges.1' }),
    ]);
  });
});

describe('parseCidr', () => {
  it('normalizes ranges and refuses host bits, bad prefixes and non-addresses', () => {
    expect(parseCidr('10.0.0.0/8')).toEqual({ cidr: '10.0.0.0/8' });
    expect(parseCidr('::1')).toEqual({ cidr: '::1/128' });
    expect(parseCidr('2001:db8:0:0:0:0:0:0/48')).toEqual({ cidr: '2001:db8::/48' });
    expect(parseCidr('::ffff:192.0.2.0/120')).toEqual({ cidr: '::ffff:c000:200/120' });
    expect(parseCidr('0.0.0.0/0')).toEqual({ cidr: '0.0.0.0/0' });
    expect(parseCidr('10.0.0.1/8')).toEqual({ problem: expect.stringContaining('10.0.0.0/8') });
    expect(parseCidr('10.0.0.0/33')).toHaveProperty('problem');
    expect(parseCidr('10.0.0.0/x')).toHaveProperty('problem');
    expect(parseCidr('example.com/24')).toHaveProperty('problem');
  });
});
