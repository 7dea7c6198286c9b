import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { parseJson, runCli } from '@tenantry/testing';

// A fresh home on the embedded store whatever the run's database: this is the embedded store's own
// machinery, shared by every process (the default outside the tests' in-process copies).
const home = mkdtempSync(join(tmpdir(), 'tenantry-shared-'));
const env = {
  TENANTRY_HOME: home,
  TENANTRY_STORE: undefined,
  TENANTRY_DATABASE_URL: undefined,
  TENANTRY_BASE_DOMAIN: undefined,
  CI: undefined,
  TENANTRY_STORE_IDLE_SECONDS: '120',
};
const cli = (args: string[], extra: Record<string, string | undefined> = {}) => runCli(args, { env: { ...env, ...extra }, timeoutMs: 180_000 });

interface Status {
  state: 'serving' | 'stopped' | 'exclusive';
  pid?: number;
  socket?: string;
  responding?: boolean;
}
const status = async () => parseJson<Status>(await cli(['store', 'status', '--json']));
const waitFor = async (condition: () => Promise<boolean>, what: string, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
};
const slugs = async () =>
  parseJson<{ items: { slug: string }[] }>(await cli(['tenant', 'list', '--json']))
    .items.map((tenant) => tenant.slug)
    .sort();
const listening = () =>
  readFileSync(join(home, 'store.log'), 'utf8')
    .split('\n')
    .filter((line) => line.includes('listening on')).length;

afterAll(async () => {
  await cli(['store', 'stop']);
  await rm(home, { recursive: true, force: true });
});

describe('the embedded store, shared through one serving process', () => {
  it('lets processes that start at once all work, through one server they started together', { timeout: 300_000 }, async () => {
    const runs = await Promise.all(
      ['one', 'two', 'three'].map((name) => cli(['tenant', 'create', '--name', `Shared ${name}`, '--owner-email', `${name}@shared.test`, '--json'])),
    );
    expect(runs.map((run) => [run.exitCode, run.stderr])).toEqual(runs.map(() => [0, '']));
    expect(await slugs()).toEqual(['shared-one', 'shared-three', 'shared-two']);
    expect(listening()).toBe(1);
    const served = await status();
    expect(served).toMatchObject({ state: 'serving', responding: true, socket: join(home, '.s.PGSQL.5432') });
    expect(statSync(join(home, '.s.PGSQL.5432')).mode & 0o777).toBe(0o600);
    expect(statSync(home).mode & 0o777).toBe(0o700);
  });

  it('serves a client that stays connected (as the console does) and CLI commands at the same time', { timeout: 180_000 }, async () => {
    const client = new pg.Client({ host: home, port: 5432, user: 'postgres', database: 'postgres' });
    await client.connect();
    try {
      const count = async () => (await client.query<{ n: number }>('select count(*)::int as n from tenantry.tenants')).rows[0]?.n;
      expect(await count()).toBe(3);
      const created = await cli(['tenant', 'create', '--name', 'Beside', '--owner-email', 'o@beside.test']);
      expect(created.exitCode, created.stderr).toBe(0);
      expect(await count()).toBe(4);
    } finally {
      await client.end();
    }
  });

  it('loses nothing when the serving process is killed: the next command starts another on the same data', { timeout: 180_000 }, async () => {
    const killed = await status();
    process.kill(Number(killed.pid), 'SIGKILL');
    await waitFor(async () => (await status()).state === 'stopped', 'the killed server is seen as gone');
    expect(await slugs()).toEqual(['beside', 'shared-one', 'shared-three', 'shared-two']);
    const restarted = await status();
    expect(restarted.state).toBe('serving');
    expect(restarted.pid).not.toBe(killed.pid);
  });

  it('`store stop` stops it and removes its socket; an idle server stops by itself', { timeout: 180_000 }, async () => {
    const stopped = await cli(['store', 'stop', '--json']);
    expect(parseJson<{ stopped: boolean }>(stopped).stopped).toBe(true);
    expect((await status()).state).toBe('stopped');
    expect(() => statSync(join(home, '.s.PGSQL.5432'))).toThrow();
    expect((await cli(['tenant', 'list'], { TENANTRY_STORE_IDLE_SECONDS: '1' })).exitCode).toBe(0);
    // Watch the process and the socket, not `store status`: asking the server would keep it from being idle.
    const idle = Number((await status()).pid);
    const alive = () => {
      try {
        process.kill(idle, 0);
        return true;
      } catch {
        return false;
      }
    };
    await waitFor(async () => !alive() && !existsSync(join(home, '.s.PGSQL.5432')), 'the idle server stops');
  });
});
