import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { execute } from '../cli/execute.ts';
import { promptTerminal } from './testing/prompt-terminal.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

/** Runs a command line without a terminal; what it printed, and its exit code. */
async function piped(tokens: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (add: (text: string) => void) => new Writable({ write: (chunk: Buffer, _encoding, done) => (add(chunk.toString()), done()) });
  const io = {
    stdin: new PassThrough(),
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    env: { ...database.env, TERM: 'xterm-256color' },
  };
  const code = await execute(tokens, io, { exitOnSignal: () => undefined });
  return { code, stdout, stderr };
}

describe('commands on a terminal ask for the arguments left out', () => {
  it('picks the tenant from a filtered list and checks an email as it is typed, then runs the command', async () => {
    expect((await piped(['tenant', 'create', '--name', 'Asked Co', '--owner-email', 'owner@asked.test', '--json'])).code).toBe(0);
    expect((await piped(['tenant', 'create', '--name', 'Other Co', '--owner-email', 'owner@other.test', '--json'])).code).toBe(0);
    const term = promptTerminal();
    const stderr = new PassThrough();
    const run = execute(
      ['invite', 'send'],
      { stdin: term.stdin, stdout: term.stdout, stderr: Object.assign(stderr, { isTTY: true }), env: { ...database.env, TERM: 'xterm-256color' } },
      { exitOnSignal: () => undefined },
    );
    await term.when('type to filter', 'aske');
    await term.when('Asked Co', '\r');
    await term.when('email:', 'not-an-email\r');
    await term.when('must be an email address', '\u0015new@asked.test\r');
    expect(await run).toBe(0);
    const invitations = JSON.parse((await piped(['invite', 'list', 'asked-co', '--json'])).stdout) as { items: { email: string }[] };
    expect(invitations.items.map((invitation) => invitation.email)).toEqual(['new@asked.test']);
    expect(JSON.parse((await piped(['invite', 'list', 'other-co', '--json'])).stdout)).toMatchObject({ items: [] });
  });

  it('off a terminal asks nothing: a missing argument is exit 3 naming it', async () => {
    const run = await piped(['invite', 'send', 'asked-co']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('is required: pass <email>');
  });
});
