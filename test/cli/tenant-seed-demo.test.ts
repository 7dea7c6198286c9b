import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, snapshotDatabase, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
const cli = (args: string[]) => runCli(args, { env: database.env });

const SEEDED = [
  { table: 'assets', before: 0, after: 3, added: 3 },
  { table: 'devices', before: 0, after: 2, added: 2 },
  { table: 'qr_contents', before: 0, after: 2, added: 2 },
];

beforeAll(async () => {
  database = await createTestDatabase();
  for (const [slug, isolation] of [
    ['theo', 'schema'],
    ['pooled', 'shared'],
  ] as const) {
    const created = await cli([
      'tenant',
      'create',
      '--name',
      slug,
      '--slug',
      slug,
      '--owner-email',
      `owner@${slug}.test`,
      '--isolation',
      isolation,
      '--skip-demo-data',
    ]);
    expect(created.exitCode, created.stderr).toBe(0);
  }
});

afterAll(async () => {
  await database?.drop();
});

describe('tenantry tenant seed-demo', { timeout: 120_000 }, () => {
  it.each([
    ['theo', 'tenant_theo'],
    ['pooled', 'tenantry_shared'],
  ])('%s: shows the statements on a dry run writing nothing, seeds them, and refuses a second time naming the tables', async (slug, schema) => {
    const before = await snapshotDatabase(database);
    const planned = await cli(['tenant', 'seed-demo', slug, '--dry-run']);
    expect(planned.exitCode, planned.stderr).toBe(0);
    expect(planned.stdout).toContain('(dry run: nothing was written)');
    expect(planned.stdout).toContain(`1. Seed demo data in ${schema}: a welcome page`);
    expect(planned.stdout).toContain('insert into assets');
    expect(await snapshotDatabase(database)).toEqual(before);

    const applied = await cli(['tenant', 'seed-demo', slug, '--json']);
    expect(applied.exitCode, applied.stderr).toBe(0);
    expect(parseJson(applied)).toMatchObject({ result: 'applied', tables: SEEDED });

    const again = await cli(['tenant', 'seed-demo', slug]);
    expect(again.exitCode).toBe(7);
    expect(again.stderr).toContain(`Tenant ${slug} already has rows in assets (3 rows), devices (2 rows), qr_contents (2 rows)`);
    expect(again.stderr).toContain('DATA_SPACE_NOT_EMPTY');
    expect(again.stderr).toContain('--add-to-existing');
    const json = await cli(['tenant', 'seed-demo', slug, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'DATA_SPACE_NOT_EMPTY', details: { tables: [{ table: 'assets', rows: 3 }, {}, {}] } } });

    const colliding = await cli(['tenant', 'seed-demo', slug, '--add-to-existing']);
    expect(colliding.exitCode).toBe(6);
    expect(colliding.stderr).toContain('DEMO_DATA_CONFLICT');
    const view = parseJson<{ usage: { maxAssets: { used: number } } }>(await cli(['tenant', 'view', slug, '--json']));
    expect(view.usage.maxAssets.used).toBe(3);
  });

  it('applies exactly the plan shown with --expect-plan, and refuses a suspended or unknown tenant', async () => {
    const created = await cli(['tenant', 'create', '--name', 'Later', '--slug', 'later', '--owner-email', 'owner@later.test', '--skip-demo-data']);
    expect(created.exitCode, created.stderr).toBe(0);
    const plan = parseJson<{ fingerprint: string }>(await cli(['tenant', 'seed-demo', 'later', '--dry-run', '--json']));
    const applied = await cli(['tenant', 'seed-demo', 'later', '--expect-plan', plan.fingerprint]);
    expect(applied.exitCode, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('Seeded demo data in later: assets +3, devices +2, qr_contents +2');

    expect((await cli(['tenant', 'suspend', 'later'])).exitCode).toBe(0);
    const suspended = await cli(['tenant', 'seed-demo', 'later', '--add-to-existing', '--json']);
    expect(suspended.exitCode).toBe(7);
    expect(JSON.parse(suspended.stdout)).toMatchObject({ error: { code: 'TENANT_SUSPENDED' } });
    expect((await cli(['tenant', 'seed-demo', 'nobody'])).exitCode).toBe(5);
  });

  it('explains itself in --help with examples', async () => {
    const help = await cli(['tenant', 'seed-demo', '--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('--add-to-existing');
    expect(help.stdout).toContain('tenantry tenant seed-demo acme-corp --dry-run');
  });
});
