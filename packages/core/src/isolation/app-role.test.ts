import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../db/database.ts';
import { ensureRoleSql } from './app-role.ts';

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

describe('ensureRoleSql', () => {
  it('creates a role once even when several sessions run it at the same moment (roles are cluster-wide)', async () => {
    const role = `tenantry_race_${randomBytes(4).toString('hex')}`;
    try {
      // Each session holds its transaction open a little after creating, so the others collide with it.
      await Promise.all(
        Array.from({ length: 6 }, () =>
          database.fork().transactional(async (tx) => {
            await tx.execute(ensureRoleSql(role));
            await tx.execute('select pg_sleep(0.1)');
          }),
        ),
      );
      const [row] = await database
        .fork()
        .execute<{ n: number; super: boolean }[]>('select count(*)::int as n, bool_or(rolsuper) as super from pg_roles where rolname = ?', [role]);
      expect(row).toEqual({ n: 1, super: false });
      await database.fork().execute(ensureRoleSql(role));
    } finally {
      await database.fork().execute(`drop role if exists ${role}`);
    }
  });

  it('refuses a name that is not a plain identifier', () => {
    expect(() => ensureRoleSql('x; drop table y')).toThrow();
  });
});
