import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { TenantryError, createTenantry, type DoctorReportDto, type TenantryClient } from '@tenantry/sdk';
import { renderConsole } from '../testing/render-console.tsx';

let database: TestDatabase;
let client: TenantryClient;

beforeAll(async () => {
  database = await createTestDatabase();
  client = await createTenantry(database.sdkOptions);
  for (const name of ['Acme Corp', 'Globex', 'Initech']) {
    await client.tenants.provision({ name, ownerEmail: `owner@${name.split(' ')[0]?.toLowerCase()}.test` });
  }
});

afterAll(async () => {
  await client?.close();
  await database?.drop();
});

/** The client, except that the doctor's report comes from `check` (held, or failing) instead of the database. */
function withHealthCheck(check: () => Promise<DoctorReportDto>): TenantryClient {
  const health = new Proxy(client.health, { get: (target, key) => (key === 'check' ? check : bound(target, key)) });
  return new Proxy(client, { get: (target, key) => (key === 'health' ? health : bound(target, key)) });
}

function bound(target: object, key: string | symbol): unknown {
  const value: unknown = Reflect.get(target, key);
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}

const healthColumn = (frame: string) =>
  frame
    .split('\n')
    .filter((line) => /^(acme-corp|globex|initech) /.test(line))
    .map((line) => line.trim().split(/ {2,}/).at(-1));

describe('console: tenants table health', () => {
  it('says the health is being checked while the report loads, not that it is unknown', async () => {
    let release: (report: DoctorReportDto) => void = () => undefined;
    const held = new Promise<DoctorReportDto>((resolve) => (release = resolve));
    const ui = renderConsole(
      withHealthCheck(() => held),
      { columns: 100, rows: 12 },
    );
    try {
      const loading = await ui.waitForFrame('initech');
      expect(healthColumn(loading)).toEqual(['… checking', '… checking', '… checking']);
      expect(loading).not.toContain('unknown');
      release(await client.health.check());
      expect(healthColumn(await ui.waitForFrame('✓ healthy'))).toEqual(['✓ healthy', '✓ healthy', '✓ healthy']);
    } finally {
      ui.unmount();
    }
  });

  it('says the check failed when the report could not be had', async () => {
    const ui = renderConsole(
      withHealthCheck(() => Promise.reject(TenantryError.unreachable('db.internal:5432', 'the server went away'))),
      { columns: 100, rows: 12 },
    );
    try {
      const failed = await ui.waitForFrame('check failed');
      expect(healthColumn(failed)).toEqual(['? check failed', '? check failed', '? check failed']);
      expect(failed).toContain('the server went away');
    } finally {
      ui.unmount();
    }
  });
});
