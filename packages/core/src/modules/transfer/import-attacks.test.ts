import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotRows, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { failure } from '../../testing/access-fixtures.ts';
import { tenantInput, testContext } from '../../testing/service-context.ts';
import { provisionTenant } from '../tenants/provision.service.ts';
import { parseExport, serializeExport, type TenantExport } from './export-document.ts';
import { givenExportKey, installationExportKey } from './export-key.ts';
import { exportTenantText } from './export.service.ts';
import { executeOperation } from '../../operations/execute.ts';
import type { ServiceContext } from '../../context.ts';
import { importTenantOperation } from './import-tenant.operation.ts';

/** Runs the import operation and answers its result, steps and summary. */
async function importTenant(ctx: ServiceContext, text: string, options: { slug?: string; exportKey?: string; dryRun?: boolean } = {}) {
  const { dryRun, ...rest } = options;
  const executed = await executeOperation(ctx, importTenantOperation, { text, ...rest }, { dryRun: dryRun === true });
  return { result: executed.result, steps: executed.steps, ...executed.data.summary };
}

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

type Rows = Record<string, unknown>[];
const rows = (sql: string, params: unknown[] = []) => database.fork().execute<Rows>(sql, params);
const snapshot = () => snapshotRows((sql) => database.fork().execute<Rows>(sql));
const ctx = () => testContext(database);
/** The key of "another installation" the attacker runs (or a key the operator was handed with the file). */
const FOREIGN_KEY = 'f'.repeat(64);

async function tenant(slug: string, isolation: 'schema' | 'shared' = 'schema') {
  const outcome = await provisionTenant(ctx(), tenantInput({ slug, isolation, ownerEmail: `owner@${slug}.example` }));
  return { id: String(outcome.tenant?.id), slug };
}

/** The attacker's own tenant, exported, for editing: rows as objects, then signed again with `FOREIGN_KEY`. */
async function editableExport(slug: string, isolation: 'schema' | 'shared' = 'schema') {
  const own = await tenant(slug, isolation);
  const { text } = await exportTenantText(ctx(), slug);
  const document = parseExport(text, await installationExportKey(database.fork()));
  const sign = (edited: TenantExport) => serializeExport(edited, givenExportKey(FOREIGN_KEY));
  const row = (table: string) => JSON.parse(document.rows.find((entry) => entry.table === table)?.json ?? '{}') as Record<string, unknown>;
  return { own, document, sign, row, text };
}

const add = (document: TenantExport, section: 'control' | 'data', table: string, row: object): TenantExport => ({
  ...document,
  rows: [...document.rows, { section, table, json: JSON.stringify(row) }],
});
const replace = (document: TenantExport, table: string, edit: (row: Record<string, unknown>) => object): TenantExport => ({
  ...document,
  rows: document.rows.map((entry) =>
    entry.table === table ? { ...entry, json: JSON.stringify(edit(JSON.parse(entry.json) as Record<string, unknown>)) } : entry,
  ),
});

describe('import of a crafted export', () => {
  it('refuses a file edited without the key: a recomputed plain checksum (format 1), another key, a forged key id', async () => {
    const { text } = await editableExport('forger');
    const body = text.slice(0, text.lastIndexOf('{"hmac"')).replaceAll('owner@forger.example', 'attacker@evil.example');
    const checksum = `${body}${JSON.stringify({ checksum: createHash('sha256').update(body).digest('hex') })}\n`;
    const refused = await failure(importTenant(ctx(), checksum, { slug: 'forged-one' }));
    expect(refused).toMatchObject({ code: 'EXPORT_INVALID', message: expect.stringContaining('plain checksum') });
    const otherKey = serializeExport(parseExport(text, await installationExportKey(database.fork())), givenExportKey('x'.repeat(40)));
    expect((await failure(importTenant(ctx(), otherKey, { slug: 'forged-two' }))).details).toMatchObject({
      keyId: givenExportKey('x'.repeat(40)).id,
      expectedKeyId: (await installationExportKey(database.fork())).id,
    });
    const trailer = JSON.parse(text.slice(text.lastIndexOf('{"hmac"'))) as { keyId: string };
    const forgedId = `${body}${JSON.stringify({ hmac: 'ab'.repeat(32), keyId: trailer.keyId })}\n`;
    expect(await failure(importTenant(ctx(), forgedId, { slug: 'forged-three' }))).toMatchObject({
      code: 'EXPORT_INVALID',
      message: expect.stringContaining('signature does not match'),
    });
    expect(await rows(`select slug from tenantry.tenants where slug like 'forged-%'`)).toEqual([]);
  });

  it('imports a file from another installation only with that installation key, given explicitly', async () => {
    const { document, sign } = await editableExport('mover');
    const moved = sign(document);
    expect((await failure(importTenant(ctx(), moved, { slug: 'moved' }))).code).toBe('EXPORT_INVALID');
    expect((await failure(importTenant(ctx(), moved, { slug: 'moved', exportKey: 'short' }))).details.issues).toEqual([
      expect.objectContaining({ path: 'exportKey' }),
    ]);
    expect((await importTenant(ctx(), moved, { slug: 'moved', exportKey: FOREIGN_KEY })).result).toBe('applied');
  });

  it('refuses a membership that makes the attacker owner of another tenant, and writes nothing there', async () => {
    const victim = await tenant('victim');
    const { document, sign, row } = await editableExport('attacker');
    const membership = { ...row('memberships'), id: '0190a3c4-0000-7000-8000-000000000001', tenant_id: victim.id };
    const role = { ...row('role_assignments'), id: '0190a3c4-0000-7000-8000-000000000002', membership_id: membership.id, role: 'owner' };
    const crafted = sign(add(add(document, 'control', 'memberships', membership), 'control', 'role_assignments', role));
    const before = await snapshot();
    const refused = await failure(importTenant(ctx(), crafted, { slug: 'attacker-copy', exportKey: FOREIGN_KEY }));
    expect(refused).toMatchObject({ code: 'EXPORT_INVALID', details: { table: 'memberships', column: 'tenant_id' } });
    expect(refused.message).toContain(victim.id);
    expect(await snapshot()).toEqual(before);
    expect(await rows('select count(*)::int as n from tenantry.memberships where tenant_id = ?', [victim.id])).toEqual([{ n: 1 }]);
  });

  it("refuses an API key, a domain or a shared data row of another tenant, and a role on another tenant's membership", async () => {
    const victim = await tenant('victim-two', 'shared');
    const [victimMembership] = await rows('select id from tenantry.memberships where tenant_id = ?', [victim.id]);
    const { document, sign, row } = await editableExport('intruder', 'shared');
    const key = {
      id: '0190a3c4-0000-7000-8000-000000000003',
      tenant_id: victim.id,
      name: 'ci',
      prefix: 'abcdefgh',
      key_hash: 'k',
      scopes: ['*'],
      created_by: 'x',
      created_at: '2026-01-01T00:00:00+00:00',
    };
    const domain = {
      id: '0190a3c4-0000-7000-8000-000000000004',
      tenant_id: victim.id,
      hostname: 'evil.example',
      kind: 'custom',
      is_primary: false,
      verification_token: null,
      verified_at: null,
      created_at: '2026-01-01T00:00:00+00:00',
    };
    const role = { ...row('role_assignments'), id: '0190a3c4-0000-7000-8000-000000000005', membership_id: victimMembership?.id, role: 'owner' };
    const asset = { ...row('assets'), tenant_id: victim.id, id: '0190a3c4-0000-7000-8000-000000000006' };
    for (const [section, table, crafted] of [
      ['control', 'api_keys', key],
      ['control', 'domains', domain],
      ['control', 'role_assignments', role],
      ['data', 'assets', asset],
    ] as const) {
      const refused = await failure(importTenant(ctx(), sign(add(document, section, table, crafted)), { slug: 'intruder-copy', exportKey: FOREIGN_KEY }));
      expect(refused).toMatchObject({ code: 'EXPORT_INVALID', details: { table } });
    }
    expect(await rows('select count(*)::int as n from tenantry.api_keys where tenant_id = ?', [victim.id])).toEqual([{ n: 0 }]);
  });

  it('refuses wrongly typed fields, checked with the schemas of every other write', async () => {
    const { document, sign } = await editableExport('typed');
    const cases: [string, (row: Record<string, unknown>) => object, string][] = [
      ['tenants', (tenant) => ({ ...tenant, limits: 'not-an-object' }), 'limits'],
      ['tenants', (tenant) => ({ ...tenant, settings: { theme: '<script>alert(1)</script>' } }), 'settings.theme'],
      [
        'tenants',
        (tenant) => ({ ...tenant, security_policy: { ...(tenant.security_policy as object), allowedIpRanges: ['10.0.0.300/8'] } }),
        'security_policy.allowedIpRanges.0',
      ],
      ['users', (user) => ({ ...user, email: 'not an email' }), 'email'],
      ['role_assignments', (role) => ({ ...role, role: 'superuser' }), 'role'],
    ];
    for (const [table, edit, field] of cases) {
      const refused = await failure(importTenant(ctx(), sign(replace(document, table, edit)), { slug: 'typed-copy', exportKey: FOREIGN_KEY }));
      expect(refused).toMatchObject({ code: 'EXPORT_INVALID', details: { table } });
      expect(refused.message).toContain(`field ${field} `);
    }
    expect(await rows(`select slug from tenantry.tenants where slug = 'typed-copy'`)).toEqual([]);
  });
});
