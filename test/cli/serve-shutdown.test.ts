import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN_PATH, createTestDatabase, parseJson, runCli, sqlOnDatabase, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
const cli = (args: string[]) => runCli(args, { env: database.env });

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

/** Polls `test` until it holds; never a fixed sleep. */
async function until(what: string, test: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Serving {
  url: URL;
  stdout: () => string;
  stderr: () => string;
  running: () => boolean;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  terminate: () => void;
}

/** `tenantry serve --port 0` (the built binary), resolved once it prints the address it listens on. */
async function serve(): Promise<Serving> {
  const env = Object.fromEntries(
    Object.entries({ PATH: process.env.PATH, HOME: process.env.HOME, ...database.env }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const child = spawn(process.execPath, [BIN_PATH, 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let running = true;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      running = false;
      resolve({ code, signal });
    }),
  );
  const listening = () => /Serving the Tenantry API on (http:\/\/[^\s]+) /.exec(stderr)?.[1];
  await until('the server to listen', () => listening() !== undefined || !running).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  const address = listening();
  if (!address) throw new Error(`tenantry serve did not start:\n${stderr}`);
  // One signal, once: a second SIGTERM while the first is shutting down ends any process by default.
  let terminated = false;
  const terminate = () => void (terminated ||= child.kill('SIGTERM'));
  return { url: new URL(address), stdout: () => stdout, stderr: () => stderr, running: () => running, exited, terminate };
}

/** Whether a new TCP connection to `url` is refused (nothing listens); an accepted one is closed at once. */
function refusesConnections(url: URL): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(Number(url.port), url.hostname);
    probe.once('connect', () => {
      probe.destroy();
      resolve(false);
    });
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/** The server's JSON log lines (stdout) for one request id. */
function logLinesOf(serving: Serving, requestId: string): { msg: string; res?: { statusCode: number } }[] {
  return serving
    .stdout()
    .split('\n')
    .filter((line) => line.includes(requestId))
    .map((line) => JSON.parse(line) as { msg: string; res?: { statusCode: number } });
}

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** An HTTP/1.1 request on a raw socket, so its body can be held back: headers and `sentPart` now, the rest on `finish()`. */
async function startSlowRequest(url: URL, head: string, body: string, sentPart: number) {
  const socket: Socket = connect(Number(url.port), url.hostname);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let received = '';
  let endedByServer = false;
  socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
  socket.on('end', () => (endedByServer = true));
  socket.write(`${head}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, sentPart)}`);
  const answer = (): RawAnswer | undefined => {
    const split = received.indexOf('\r\n\r\n');
    if (split < 0) return undefined;
    const [statusLine = '', ...lines] = received.slice(0, split).split('\r\n');
    const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
    const text = received.slice(split + 4);
    if (Buffer.byteLength(text) < Number(headers['content-length'] ?? 0)) return undefined;
    return { status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(text) as Record<string, unknown> };
  };
  return {
    answered: () => answer() !== undefined,
    answer: () => answer(),
    endedByServer: () => endedByServer,
    finish: () => void socket.write(body.slice(sentPart)),
    close: () => socket.destroy(),
  };
}

describe('tenantry serve: SIGTERM with a request in flight', { timeout: 180_000 }, () => {
  it('stops accepting, answers the request in flight, closes its connection and the database, then exits as terminated', async () => {
    const token = parseJson<{ serviceToken: { token: string } }>(await cli(['token', 'create', '--name', 'shutdown', '--json'])).serviceToken.token;
    const serving = await serve();
    const requestId = randomUUID();
    const body = JSON.stringify({ name: 'In Flight', slug: 'in-flight', ownerEmail: 'owner@in-flight.test' });
    const head = `POST /v1/tenants HTTP/1.1\r\nHost: ${serving.url.host}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nX-Request-Id: ${requestId}\r\n`;
    const request = await startSlowRequest(serving.url, head, body, 20);
    try {
      // The server has routed the request (its log line) and now waits for the rest of the body.
      await until('the request to be in flight', () => logLinesOf(serving, requestId).some((line) => line.msg === 'incoming request'));
      serving.terminate();
      await until('new connections to be refused', () => refusesConnections(serving.url));
      expect(serving.running()).toBe(true);
      expect(request.answered()).toBe(false);

      request.finish();
      await until('the answer to the request in flight', request.answered);
      const answer = request.answer();
      expect(answer?.status).toBe(201);
      expect(answer?.headers['request-id']).toBe(requestId);
      expect(answer?.headers.connection).toBe('close');
      expect(answer?.body).toMatchObject({ result: 'created', tenant: { slug: 'in-flight' }, owner: { email: 'owner@in-flight.test' } });
      // A kept-alive connection left open would hold the shutdown until the keep-alive timeout.
      await until('the server to close the connection after answering', request.endedByServer);
    } finally {
      request.close();
      serving.terminate();
    }

    // SIGTERM ends a command with 143 (docs/cli.md, exit codes), after the database is closed.
    expect(await serving.exited, serving.stderr()).toEqual({ code: 143, signal: null });
    expect(logLinesOf(serving, requestId)).toContainEqual(expect.objectContaining({ msg: 'request completed', res: { statusCode: 201 } }));
    if (database.coreOptions.kind === 'embedded') {
      // The embedded store's lock file is removed only when the database closes.
      expect(existsSync(join(database.coreOptions.home, 'tenantry.lock'))).toBe(false);
    } else {
      const sessions = `select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
      await until('the server’s sessions to end', async () => (await sqlOnDatabase(database, sessions))[0]?.n === 0);
    }
    const viewed = await cli(['tenant', 'view', 'in-flight', '--json']);
    expect(viewed.exitCode, viewed.stderr).toBe(0);
    expect(parseJson(viewed)).toMatchObject({ slug: 'in-flight', status: 'active' });
  });
});
