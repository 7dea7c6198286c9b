import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutageDatabase, parseJson, REPO_ROOT, runCli, startCutProxy, type OutageDatabase } from '@tenantry/testing';

let database: OutageDatabase;
const DEVICE_TAGS_BLUEPRINT = join(REPO_ROOT, 'test/cli/fixtures/blueprint-device-tags.mjs');

beforeAll(async () => {
  database = await createOutageDatabase();
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

/** Runs the CLI through a proxy armed to cut the connection when the command sends `statement`. */
async function runCut(args: string[], statement: string, occurrence = 1) {
  const proxy = await startCutProxy(database.url);
  proxy.cutOn(statement, occurrence);
  try {
    const run = await runCli(args, { env: { TENANTRY_DATABASE_URL: proxy.url }, timeoutMs: 60_000 });
    return { run, wasCut: proxy.wasCut() };
  } finally {
    await proxy.close();
  }
}

const TENANT_INSERT = 'insert into "tenantry"."tenants"';

describe('the server goes away in the middle of a command', () => {
  it('tenant create inside its transaction ends with exit 10 and the JSON error', async () => {
    const { run, wasCut } = await runCut(['tenant', 'create', '--name', 'Outage Co', '--owner-email', 'owner@outage.test', '--json'], TENANT_INSERT);
    expect(wasCut).toBe(true);
    expect({ exit: run.exitCode, stderr: run.stderr }).toEqual({ exit: 10, stderr: '' });
    expect(parseJson<{ error: { code: string; kind: string } }>(run).error).toMatchObject({ code: 'DATABASE_UNREACHABLE', kind: 'unavailable' });
  });

  it('tenant create without --json prints the message and the code on stderr', async () => {
    const { run } = await runCut(['tenant', 'create', '--name', 'Outage Two', '--owner-email', 'owner@outage2.test'], TENANT_INSERT);
    expect(run.exitCode).toBe(10);
    expect(run.stderr).toContain('DATABASE_UNREACHABLE');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('a bulk run that loses its database', () => {
  it('stops at the first outage: exit 10, the rows done kept (report file too), the rest not started', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tenantry-outage-'));
    const csv = join(dir, 'tenants.csv');
    const reportFile = join(dir, 'report.jsonl');
    writeFileSync(csv, ['name,owner_email', ...[1, 2, 3, 4, 5, 6].map((i) => `Bulk Outage ${i},owner-${i}@bulk-outage.test`)].join('\n') + '\n');
    const { run, wasCut } = await runCut(['tenant', 'create-bulk', csv, '--concurrency', '1', '--report', reportFile, '--json'], TENANT_INSERT, 3);
    expect(wasCut).toBe(true);
    expect(run.exitCode).toBe(10);
    const json = parseJson<{
      error: { kind: string; details: { done: number; total: number; notStarted: number[] } };
      report: { rows: { outcome: string; owner?: { oneTimePassword?: string } }[] };
    }>(run);
    expect(json.error).toMatchObject({ kind: 'unavailable', details: { done: 3, total: 6, notStarted: [4, 5, 6] } });
    expect(json.report.rows.map((row) => row.outcome)).toEqual(['created', 'created', 'failed']);
    const lines = readFileSync(reportFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; outcome?: string; owner?: { oneTimePassword?: string } });
    expect(lines.map((line) => line.outcome ?? line.type)).toEqual(['created', 'created', 'failed', 'summary']);
    expect(lines[0]?.owner?.oneTimePassword).toBe(json.report.rows[0]?.owner?.oneTimePassword);
    expect(statSync(reportFile).mode & 0o777).toBe(0o600);
  });
});

describe('migrate apply loses its database', () => {
  it('ends with exit 10 and the JSON error, saying how far it got', async () => {
    const env = { TENANTRY_DATABASE_URL: database.url, TENANTRY_BLUEPRINT: DEVICE_TAGS_BLUEPRINT };
    for (const i of [1, 2, 3]) {
      const created = await runCli(['tenant', 'create', '--name', `Migrate Outage ${i}`, '--owner-email', `owner-${i}@migrate-outage.test`], {
        env: { TENANTRY_DATABASE_URL: database.url },
      });
      expect(created.exitCode, created.stderr).toBe(0);
    }
    const proxy = await startCutProxy(database.url);
    proxy.cutOn('add column tags', 2);
    try {
      const run = await runCli(['migrate', 'apply', '--all', '--concurrency', '1', '--continue-on-error', '--json'], {
        env: { ...env, TENANTRY_DATABASE_URL: proxy.url },
      });
      expect(proxy.wasCut()).toBe(true);
      expect(run.exitCode).toBe(10);
      const json = parseJson<{ error: { kind: string; details: { done: number; total: number; notStarted: number } }; run: { units: { outcome: string }[] } }>(
        run,
      );
      expect(json.error.kind).toBe('unavailable');
      // One tenant migrated, the next lost the connection, no other was started.
      expect(json.error.details).toMatchObject({ done: 2, notStarted: json.error.details.total - 2 });
      expect(json.run.units.map((unit) => unit.outcome).filter((outcome) => outcome !== 'skipped')).toEqual(['migrated', 'failed']);
    } finally {
      await proxy.close();
    }
  });
});
