import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { migrateControlPlane } from '../../db/control-plane-migrator.ts';
import { openDatabase, type Database } from '../../db/database.ts';
import { addTestMember, failure, provisionTestTenant, userContext } from '../../testing/access-fixtures.ts';
import { testContext } from '../../testing/service-context.ts';
import { runDoctor } from '../../health/doctor.ts';
import { verifyAuditChain } from './audit-chain.ts';

let opened: { testDatabase: TestDatabase; database: Database }[] = [];

/** A private database with one tenant's worth of audit events (at least five). */
async function trail(): Promise<{ database: Database; ids: string[] }> {
  const testDatabase = await createTestDatabase();
  const database = await openDatabase(testDatabase.coreOptions);
  opened.push({ testDatabase, database });
  await provisionTestTenant(database);
  const ids = await eventIds(database);
  expect(ids.length).toBeGreaterThanOrEqual(5);
  return { database, ids };
}

async function eventIds(database: Database): Promise<string[]> {
  const rows = await database.fork().execute<{ id: string }[]>('select id::text as id from tenantry.audit_events order by audit_events.id');
  return rows.map((row) => row.id);
}

/** What the table owner can do: switch the append-only triggers off, change the rows, switch them on. */
async function asOwner(database: Database, statements: string[]): Promise<void> {
  await database.fork().transactional(async (tx) => {
    await tx.execute('alter table tenantry.audit_events disable trigger user');
    for (const statement of statements) await tx.execute(statement);
    await tx.execute('alter table tenantry.audit_events enable trigger user');
  });
}

const verify = (database: Database) => verifyAuditChain(testContext(database));

afterEach(async () => {
  for (const { database, testDatabase } of opened) {
    await database.close();
    await testDatabase.drop();
  }
  opened = [];
});

describe('verifyAuditChain', { timeout: 180_000 }, () => {
  it('finds an untouched trail intact, provisioning SQL included, and reports the head', async () => {
    const { database, ids } = await trail();
    const report = await verify(database);
    expect(report).toEqual({
      intact: true,
      events: ids.length,
      head: { seq: String(ids.length), hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      broken: null,
    });
    expect((await runDoctor(testContext(database))).findings.map((finding) => finding.code)).not.toContain('AUDIT_CHAIN_BROKEN');
  });

  it('finds an event edited by the owner with the triggers off', async () => {
    const { database, ids } = await trail();
    const target = ids[3] ?? '';
    await asOwner(database, [`update tenantry.audit_events set after = '{"email":"attacker@example.com"}' where id = ${target}`]);
    expect((await verify(database)).broken).toEqual({ kind: 'edited', id: target, detail: expect.any(String) });
    const findings = (await runDoctor(testContext(database))).findings.filter((finding) => finding.code === 'AUDIT_CHAIN_BROKEN');
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'error', subject: `audit_events#${target}`, details: expect.objectContaining({ kind: 'edited', id: target }) }),
    ]);
  });

  it('finds an edit whose hash was recomputed: the next event no longer links to it', async () => {
    const { database, ids } = await trail();
    const target = ids[2] ?? '';
    await asOwner(database, [
      `update tenantry.audit_events set actor_label = 'someone-else' where id = ${target}`,
      `update tenantry.audit_events e set hash = tenantry.audit_event_hash(e.prev_hash, e.chain_seq, e) where id = ${target}`,
    ]);
    expect((await verify(database)).broken).toEqual({ kind: 'edited', id: target, detail: expect.any(String) });
  });

  it('finds a deleted event, and deleted last events', async () => {
    const { database, ids } = await trail();
    await asOwner(database, [`delete from tenantry.audit_events where id = ${ids[3] ?? ''}`]);
    expect((await verify(database)).broken).toEqual({ kind: 'deleted', id: ids[4], detail: expect.any(String) });

    const tail = await trail();
    await asOwner(tail.database, [`delete from tenantry.audit_events where id >= ${tail.ids.at(-2) ?? ''}`]);
    expect((await verify(tail.database)).broken).toEqual({ kind: 'deleted', id: tail.ids.at(-3), detail: expect.any(String) });
  });

  it('finds a truncated trail', async () => {
    const { database } = await trail();
    await asOwner(database, ['truncate tenantry.audit_events']);
    expect(await verify(database)).toMatchObject({ intact: false, events: 0, broken: { kind: 'deleted', id: null } });
  });

  it('finds an event inserted around the chain trigger, and one inserted with replication triggers off', async () => {
    const { database } = await trail();
    const forged = `insert into tenantry.audit_events (occurred_at, correlation_id, actor_type, actor_label, action, target_type)
      values (now(), gen_random_uuid(), 'operator', 'ops', 'tenant.resumed', 'tenant') returning id::text as id`;
    let inserted = '';
    await database.fork().transactional(async (tx) => {
      await tx.execute('alter table tenantry.audit_events disable trigger user');
      inserted = (await tx.execute<{ id: string }[]>(forged))[0]?.id ?? '';
      await tx.execute('alter table tenantry.audit_events enable trigger user');
    });
    expect((await verify(database)).broken).toEqual({ kind: 'inserted', id: inserted, detail: expect.any(String) });

    const replica = await trail();
    let replicated = '';
    await replica.database.fork().transactional(async (tx) => {
      await tx.execute('set local session_replication_role = replica');
      replicated = (await tx.execute<{ id: string }[]>(forged))[0]?.id ?? '';
    });
    expect((await verify(replica.database)).broken).toEqual({ kind: 'inserted', id: replicated, detail: expect.any(String) });
  });

  it('keeps one chain under concurrent writers', async () => {
    const { database } = await trail();
    await Promise.all(Array.from({ length: 8 }, () => provisionTestTenant(database)));
    const report = await verify(database);
    expect(report.broken).toBeNull();
    const [links] = await database
      .fork()
      .execute<{ seqs: string; distinct_prev: string; events: string }[]>(
        'select count(distinct chain_seq)::text as seqs, count(distinct prev_hash)::text as distinct_prev, count(*)::text as events from tenantry.audit_events',
      );
    expect(links).toEqual({ seqs: String(report.events), distinct_prev: String(report.events), events: String(report.events) });
  });

  it('chains the events written before the chain existed, in id order, when the migration runs', async () => {
    const { database, ids } = await trail();
    await database.fork().transactional(async (tx) => {
      for (const statement of [
        'drop trigger audit_events_chain on tenantry.audit_events',
        'drop function tenantry.chain_audit_event()',
        'drop function tenantry.audit_event_hash(bytea, bigint, tenantry.audit_events)',
        'drop function tenantry.audit_event_canonical(bigint, tenantry.audit_events)',
        'drop table tenantry.audit_chain_head',
        'alter table tenantry.audit_events drop column face, drop column chain_seq, drop column prev_hash, drop column hash',
        "delete from tenantry.schema_migrations where id = '0006_audit_chain'",
      ]) {
        await tx.execute(statement);
      }
    });
    expect(await migrateControlPlane(database.fork())).toEqual(['0006_audit_chain']);
    expect(await verify(database)).toMatchObject({ intact: true, events: ids.length, head: { seq: String(ids.length) } });
    const rows = await database
      .fork()
      .execute<{ id: string; chain_seq: string }[]>('select id::text as id, chain_seq::text as chain_seq from tenantry.audit_events order by audit_events.id');
    expect(rows.map((row) => row.chain_seq)).toEqual(ids.map((_, index) => String(index + 1)));
    await provisionTestTenant(database);
    expect((await verify(database)).intact).toBe(true);
  });

  it('is the platform operator’s', async () => {
    const { database } = await trail();
    const tenant = await provisionTestTenant(database);
    const owner = await addTestMember(database, tenant.slug, ['owner']);
    expect((await failure(verifyAuditChain(userContext(database, owner)))).code).toBe('FORBIDDEN');
  });
});
