import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutageDatabase, parseJson, runCli, startCutProxy, type OutageDatabase } from '@tenantry/testing';

let database: OutageDatabase;

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
