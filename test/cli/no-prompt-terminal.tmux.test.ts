import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN_PATH, TmuxSession, createTestDatabase, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

/** On a TTY that cannot prompt (TERM=dumb, or CI set) each command behaves as without a terminal. */
const CASES: { what: string; argv: string[]; env: Record<string, string>; exit: number; shows: string[] }[] = [
  {
    what: 'tenant create on a dumb terminal fails naming the flags',
    argv: ['tenant', 'create'],
    env: { TERM: 'dumb' },
    exit: 3,
    shows: ['--name: is required', '--owner-email: is required'],
  },
  { what: 'tenantry alone on a dumb terminal prints the commands', argv: [], env: { TERM: 'dumb' }, exit: 0, shows: ['--help" for a command'] },
  { what: 'the console on a dumb terminal is refused', argv: ['console'], env: { TERM: 'dumb' }, exit: 7, shows: ['The console needs a terminal'] },
  {
    what: 'tenant create with CI set fails naming the flags',
    argv: ['tenant', 'create', '--name', 'Ci Co'],
    env: { CI: 'true' },
    exit: 3,
    shows: ['--owner-email: is required'],
  },
  { what: 'tenantry alone with CI set prints the commands', argv: [], env: { CI: 'true' }, exit: 0, shows: ['--help" for a command'] },
];

describe('a terminal where Tenantry does not prompt (tmux)', () => {
  it.each(CASES)('$what', async ({ argv, env, exit, shows }) => {
    const session = await TmuxSession.start([process.execPath, BIN_PATH, ...argv], { env: { ...database.env, ...env }, columns: 120, rows: 60 });
    try {
      expect(await session.exitCode(30_000)).toBe(exit);
      const screen = await session.waitFor('[exited]');
      for (const text of shows) expect(screen).toContain(text);
    } finally {
      await session.kill();
    }
  });
});
