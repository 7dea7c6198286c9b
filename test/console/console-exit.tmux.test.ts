import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN_PATH, TmuxSession, createTestDatabase, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

const MARK = 'shell-before-the-console';

/** The console started from a shell that printed MARK on the normal screen and wrote the console's pid. */
async function startConsole(): Promise<{ session: TmuxSession; pid: () => number }> {
  const pidFile = join(mkdtempSync(join(tmpdir(), 'tenantry-pid-')), 'pid');
  const script = `echo ${MARK}; echo $$ > '${pidFile}'; exec '${process.execPath}' '${BIN_PATH}'`;
  const session = await TmuxSession.start(['bash', '-c', script], { env: database.env, columns: 100, rows: 30 });
  return { session, pid: () => Number(readFileSync(pidFile, 'utf8').trim()) };
}

/** Back on the normal screen: the shell's line is there, nothing of the console is. */
async function expectRestored(session: TmuxSession): Promise<void> {
  const screen = await session.waitFor('[exited]');
  expect(screen).toContain(MARK);
  expect(screen).not.toContain('Tenants');
  expect(screen).not.toContain('New tenant');
}

describe('the console leaves the terminal as it found it (tmux)', () => {
  it('ctrl+c quits, even with a form open, exit 0', { timeout: 120_000 }, async () => {
    const { session } = await startConsole();
    try {
      await session.waitFor('Tenants', 30_000);
      await session.keys('n');
      await session.waitFor('New tenant');
      await session.type('Half Typed');
      await session.keys('C-c');
      expect(await session.exitCode()).toBe(0);
      await expectRestored(session);
    } finally {
      await session.kill();
    }
  });

  it('SIGTERM restores the screen and exits 143', { timeout: 120_000 }, async () => {
    const { session, pid } = await startConsole();
    try {
      await session.waitFor('Tenants', 30_000);
      process.kill(pid(), 'SIGTERM');
      expect(await session.exitCode()).toBe(143);
      await expectRestored(session);
    } finally {
      await session.kill();
    }
  });
});
