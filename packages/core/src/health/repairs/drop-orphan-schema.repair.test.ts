import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { testContext } from '../../testing/service-context.ts';
import { applyRepair, planRepairs } from '../repair.service.ts';

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

/** A clock a second later on every reading: two readings never name the same file. */
function tickingClock(): () => Date {
  let at = Date.parse('2026-03-04T05:06:07.000Z');
  return () => new Date((at += 1000));
}

describe('the orphan schema repair', () => {
  it('writes the very export file its plan names, though the clock moves between plan and apply', async () => {
    const sql = (text: string) => database.fork().execute(text);
    await sql('create schema tenant_left_over');
    await sql('create table tenant_left_over.assets (id int)');
    await sql('insert into tenant_left_over.assets values (1)');
    const exportDir = mkdtempSync(join(tmpdir(), 'tenantry-orphan-'));
    const ctx = testContext(database, { settings: { exportDir }, now: tickingClock() });
    const [planned] = await planRepairs(ctx, { code: 'ORPHAN_TENANT_SCHEMA' });
    expect(planned).toBeDefined();
    const outcome = await applyRepair(ctx, planned!.finding, { confirm: 'tenant_left_over' });
    const [written] = readdirSync(exportDir);
    expect(written).toBeDefined();
    const file = join(exportDir, written ?? '');
    // The plan applyRepair carried out names the file that was written.
    expect(outcome.plan.steps[0]?.description).toContain(file);
    expect(outcome.plan.data).toEqual({ exportFile: file });
    expect(outcome.remaining).toBeNull();
  });
});
