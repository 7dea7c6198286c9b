import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN_PATH, createTestDatabase, parseJson, runCli, type TestDatabase } from '@tenantry/testing';

interface Request {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let database: TestDatabase;
const cli = (args: string[]) => runCli(args, { env: database.env, timeoutMs: 120_000 });
const requests: Request[] = [];
/** Requests on /hang get no answer until released: a delivery in flight. */
const hanging: ServerResponse[] = [];
const receiver = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString()));
  request.on('end', () => {
    const path = request.url ?? '';
    requests.push({ path, headers: request.headers, body });
    if (path === '/hang' && requests.filter((seen) => seen.path === '/hang').length === 1) hanging.push(response);
    else response.writeHead(path === '/down' ? 503 : 204).end();
  });
});
let base = '';

beforeAll(async () => {
  database = await createTestDatabase();
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const response of hanging) response.destroy();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  await database?.drop();
});

const on = (path: string) => requests.filter((request) => request.path === path);

async function waitFor(what: string, condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function verify(secret: string, request: Request | undefined): { type: string } {
  const header = (name: string) => String(request?.headers[name]);
  return new Webhook(secret).verify(request?.body ?? '', {
    'webhook-id': header('webhook-id'),
    'webhook-timestamp': header('webhook-timestamp'),
    'webhook-signature': header('webhook-signature'),
  }) as { type: string };
}

describe('tenantry webhook and events deliver', { timeout: 300_000 }, () => {
  it('adds a subscription with its secret shown once, delivers signed events, lists them and tests the endpoint', async () => {
    const dry = await cli(['webhook', 'add', `${base}/signed`, '--events', 'tenant.*', '--dry-run']);
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`Subscribe ${base}/signed to tenant.*`);
    const added = await cli(['webhook', 'add', `${base}/signed`, '--events', 'tenant.*', '--json']);
    expect(added.exitCode, added.stderr).toBe(0);
    const { webhook } = parseJson<{ webhook: { id: string; secret: string } }>(added);
    expect(webhook.secret).toMatch(/^whsec_/);
    expect(added.stderr).toContain('shown once');

    expect((await cli(['tenant', 'create', '--name', 'Hooked', '--owner-email', 'owner@hooked.test', '--json'])).exitCode).toBe(0);
    const delivered = await cli(['events', 'deliver']);
    expect(delivered.exitCode, delivered.stderr).toBe(0);
    expect(delivered.stdout).toMatch(/✓ \d+ tenant\.created hooked → .*\/signed: 204/);
    expect(delivered.stderr).toContain('1 delivered, 0 to retry, 0 given up; 0 waiting');
    expect(verify(webhook.secret, on('/signed')[0]).type).toBe('tenant.created');

    const list = await cli(['webhook', 'list', '--json']);
    const listed = parseJson<{ items: { id: string; deliveries: { delivered: number } }[] }>(list).items;
    expect(listed).toEqual([expect.objectContaining({ id: webhook.id, deliveries: expect.objectContaining({ delivered: 1 }) })]);
    expect(list.stdout).not.toContain(webhook.secret);
    const deliveries = parseJson<{ items: { status: string; attempts: { statusCode: number }[] }[] }>(
      await cli(['webhook', 'deliveries', '--endpoint', webhook.id, '--json']),
    );
    expect(deliveries.items).toEqual([expect.objectContaining({ status: 'delivered', attempts: [expect.objectContaining({ statusCode: 204 })] })]);

    const tested = await cli(['webhook', 'test', webhook.id]);
    expect(tested.exitCode, tested.stderr).toBe(0);
    expect(tested.stdout).toContain('answered 204');
    expect(verify(webhook.secret, on('/signed').at(-1)).type).toBe('webhook.test');
    expect((await cli(['webhook', 'remove', webhook.id])).exitCode).toBe(0);
  });

  it('a deliverer killed with -9 while a delivery is in flight loses nothing: the next run delivers it again, same webhook-id', async () => {
    const added = parseJson<{ webhook: { id: string; secret: string } }>(await cli(['webhook', 'add', `${base}/hang`, '--events', 'tenant.created', '--json']));
    // Committed while no deliverer runs: the event waits in the database.
    expect((await cli(['tenant', 'create', '--name', 'Crash Test', '--owner-email', 'owner@crash.test', '--json'])).exitCode).toBe(0);
    const follower = spawnCli(['events', 'deliver', '--follow', '--interval', '100']);
    try {
      await waitFor('the delivery to be in flight', () => hanging.length === 1);
      follower.kill('SIGKILL');
      await new Promise((resolve) => (follower.exitCode !== null || follower.signalCode !== null ? resolve(null) : follower.once('exit', resolve)));
    } finally {
      if (follower.exitCode === null && follower.signalCode === null) follower.kill('SIGKILL');
    }
    const again = await cli(['events', 'deliver', '--json']);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(parseJson<{ delivered: number; pending: number; attempts: { attempt: number }[] }>(again)).toMatchObject({
      delivered: 1,
      pending: 0,
      attempts: [{ attempt: 1 }],
    });
    const [cut, redelivered] = on('/hang');
    expect(redelivered?.headers['webhook-id']).toBe(cut?.headers['webhook-id']);
    expect(verify(added.webhook.secret, redelivered).type).toBe('tenant.created');
    expect((await cli(['webhook', 'remove', added.webhook.id])).exitCode).toBe(0);
  });

  it('serve delivers by itself, logging each attempt as JSON, and stops on SIGTERM', async () => {
    const added = parseJson<{ webhook: { id: string } }>(await cli(['webhook', 'add', `${base}/served`, '--events', 'tenant.created', '--json']));
    expect((await cli(['tenant', 'create', '--name', 'Served', '--owner-email', 'owner@served.test', '--json'])).exitCode).toBe(0);
    const serve = spawnCli(['serve', '--port', '0'], 'pipe');
    let log = '';
    serve.stdout?.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    const exited = new Promise<number | null>((resolve) => serve.once('exit', (code) => resolve(code)));
    try {
      await waitFor('serve to deliver', () => on('/served').length === 1 && log.includes('webhook delivery delivered'));
      const line = log.split('\n').find((entry) => entry.includes('webhook delivery delivered')) ?? '{}';
      expect(JSON.parse(line)).toMatchObject({
        delivery: { status: 'delivered', event: { type: 'tenant.created', tenant: 'served' }, outcome: { statusCode: 204 } },
      });
    } finally {
      serve.kill('SIGTERM');
    }
    expect(await exited).toBe(143);
    expect((await cli(['webhook', 'remove', added.webhook.id])).exitCode).toBe(0);
  });

  it('a receiver that fails is retried later (exit 10), and replay queues an event again', async () => {
    const added = parseJson<{ webhook: { id: string } }>(await cli(['webhook', 'add', `${base}/down`, '--events', 'tenant.suspended', '--json']));
    expect((await cli(['tenant', 'suspend', 'hooked', '--json'])).exitCode).toBe(0);
    const failed = await cli(['events', 'deliver']);
    expect(failed.exitCode).toBe(10);
    expect(failed.stdout).toMatch(/✗ \d+ tenant\.suspended hooked → .*\/down: 503 .*retry at/);
    const pending = parseJson<{ items: { event: { id: string }; status: string }[] }>(
      await cli(['webhook', 'deliveries', '--status', 'pending', '--json']),
    ).items;
    expect(pending).toHaveLength(1);
    const replayed = await cli(['webhook', 'replay', pending[0]?.event.id ?? '', '--endpoint', added.webhook.id, '--json']);
    expect(replayed.exitCode, replayed.stderr).toBe(0);
    expect(parseJson<{ queued: number }>(replayed).queued).toBe(1);
    const bad = await cli(['webhook', 'add', `${base}/x`, '--events', 'tenant.nope']);
    expect(bad.exitCode).toBe(3);
    expect(bad.stderr).toContain('events');
    expect((await cli(['webhook', 'test', '0190a0a0-0000-7000-8000-000000000000'])).exitCode).toBe(5);
  });
});

/** The built binary, running on, with the test database's environment (as runCli does). */
function spawnCli(args: string[], output: 'ignore' | 'pipe' = 'ignore'): ChildProcess {
  const env: Record<string, string> = { TENANTRY_CONFIG: join(tmpdir(), 'tenantry-tests-have-no-config.toml') };
  for (const key of ['PATH', 'HOME', 'TMPDIR']) if (process.env[key] !== undefined) env[key] = process.env[key] ?? '';
  for (const [key, value] of Object.entries(database.env)) if (value !== undefined) env[key] = value;
  return spawn(process.execPath, [BIN_PATH, ...args], { env, stdio: ['ignore', output, 'ignore'] });
}
