import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, snapshotDatabase, sqlOnDatabase, type TestDatabase } from '@tenantry/testing';

const NOTES = fileURLToPath(new URL('./fixtures/blueprint-notes.mjs', import.meta.url));
const PINNED = fileURLToPath(new URL('./fixtures/blueprint-notes-pinned.mjs', import.meta.url));
let database: TestDatabase;
const cli = (args: string[], blueprint = NOTES) => runCli(args, { env: { ...database.env, TENANTRY_BLUEPRINT: blueprint } });
const sql = async (...statements: string[]) => {
  for (const statement of statements) await sqlOnDatabase(database, statement);
};
const create = (slug: string, ...flags: string[]) => cli(['tenant', 'create', '--name', slug, '--slug', slug, '--owner-email', `owner@${slug}.test`, ...flags]);

interface ProvisionJson {
  result: string;
  tenant: { slug: string; schemaName: string | null };
  adoption?: { schema: string; recorded: string[]; run: string[] };
}

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

// Several process starts per test: slow on a loaded two-core machine, hence the long timeout.
describe('tenant create --schema-name, --adopt-schema and migrate apply --fake', { timeout: 240_000 }, () => {
  it('--schema-name names the new schema', async () => {
    const run = await create('named', '--schema-name', 'named_data', '--json');
    expect(run.exitCode, run.stderr).toBe(0);
    expect(parseJson<ProvisionJson>(run).tenant.schemaName).toBe('named_data');
    const taken = await create('named-again', '--schema-name', 'named_data', '--json');
    expect(taken.exitCode).toBe(6);
    expect(parseJson<{ error: { code: string } }>(taken).error.code).toBe('SCHEMA_TAKEN');
  });

  it('--adopt-schema shows which migrations the schema has (recorded, not run), then provisions around it keeping its data', async () => {
    // The schema as another tool (django-tenants' migrate_schemas) left it: the first migration, and rows.
    await sql(
      'create schema theo',
      'create table theo.notes (id serial primary key, body text not null)',
      'create index notes_body_idx on theo.notes (body)',
      "insert into theo.notes (body) values ('kept'), ('also kept')",
    );
    const before = await snapshotDatabase(database);
    const planned = await create('theo', '--isolation', 'schema', '--schema-name', 'theo', '--adopt-schema', '--dry-run');
    expect(planned.exitCode, planned.stderr).toBe(0);
    expect(planned.stdout).toContain(
      'Adopt the existing schema theo: checked against the blueprint, it has 0001_notes (recorded, not run); 0002_note_tags run in it',
    );
    expect(planned.stdout).toContain("alter table notes add column tags text[] not null default '{}'");
    expect(planned.stdout).not.toContain('create schema');
    expect(await snapshotDatabase(database)).toEqual(before);

    const applied = await create('theo', '--isolation', 'schema', '--schema-name', 'theo', '--adopt-schema');
    expect(applied.exitCode, applied.stderr).toBe(0);
    expect(applied.stdout).toMatch(/Schema: +theo \(adopted: recorded 0001_notes; ran 0002_note_tags\)/);
    expect(await sqlOnDatabase(database, 'select body, tags from theo.notes order by id')).toEqual([
      { body: 'kept', tags: [] },
      { body: 'also kept', tags: [] },
    ]);
    const status = await cli(['migrate', 'status', '--json']);
    expect(parseJson<{ tenants: { behind: number } }>(status).tenants.behind).toBe(0);
  });

  it('refuses to adopt a schema with a table no migration makes (exit 7), naming it', async () => {
    await sql('create schema legacy', 'create table legacy.django_migrations (id serial primary key, app text)');
    const run = await create('legacy', '--schema-name', 'legacy', '--adopt-schema', '--json');
    expect(run.exitCode).toBe(7);
    const error = parseJson<{ error: { code: string; message: string } }>(run).error;
    expect(error.code).toBe('SCHEMA_NOT_ADOPTABLE');
    expect(error.message).toContain('table django_migrations');
  });

  it('migrate apply --fake records a migration the schema already has without running it', async () => {
    await sql('alter table theo.notes add column pinned boolean not null default false');
    const all = await cli(['migrate', 'apply', '--fake', '--all'], PINNED);
    expect(all.exitCode).toBe(3);
    expect(all.stderr).toContain('--fake');

    const planned = await cli(['migrate', 'apply', '--fake', '--tenant', 'theo', '--to', '0003_note_pins', '--dry-run'], PINNED);
    expect(planned.exitCode, planned.stderr).toBe(0);
    expect(planned.stdout).toContain('migrations recorded without running them');
    expect(planned.stdout).toContain('theo: 0003_note_pins');

    const run = await cli(['migrate', 'apply', '--fake', '--tenant', 'theo', '--to', '0003_note_pins'], PINNED);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain('1 recorded without running');
    expect(run.stdout).toContain('theo: 0003_note_pins (not run)');
    const status = parseJson<{ behind: { slug: string; missing: string[] }[] }>(await cli(['migrate', 'status', '--json'], PINNED));
    expect(status.behind.map((tenant) => tenant.slug)).toEqual(['named']);
    const audit = await sqlOnDatabase(database, `select after from tenantry.audit_events where action = 'tenant.migrations_recorded'`);
    expect(audit).toEqual([{ after: { migrations: ['0003_note_pins'], ran: false } }]);
  });
});
