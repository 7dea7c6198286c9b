import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN_PATH, TmuxSession, createTestDatabase, parseJson, runCli, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
const cli = (args: string[]) => runCli(args, { env: database.env });

beforeAll(async () => {
  database = await createTestDatabase();
  expect((await cli(['tenant', 'create', '--name', 'Typed Back Ltd', '--slug', 'typed-back', '--owner-email', 'owner@typed.test'])).exitCode).toBe(0);
});

afterAll(async () => {
  await database?.drop();
});

describe('tenantry tenant delete on a terminal (tmux)', () => {
  it('shows the plan, asks for the exact name, refuses another, and deletes once it is typed', { timeout: 120_000 }, async () => {
    const session = await TmuxSession.start([process.execPath, BIN_PATH, 'tenant', 'delete', 'typed-back'], { env: database.env });
    try {
      const asked = await session.waitFor("Type the tenant's name to confirm", 30_000);
      expect(asked).toContain('pending deletion');
      await session.type('typed back ltd');
      await session.keys('Enter');
      await session.waitFor('not the exact name');
      await session.keys('C-u');
      await session.type('Typed Back Ltd');
      await session.keys('Enter');
      expect(await session.exitCode(30_000)).toBe(0);
      expect(await session.screen()).toContain('typed-back is pending deletion');
    } finally {
      await session.kill();
    }
    expect(parseJson<{ status: string }>(await cli(['tenant', 'view', 'typed-back', '--json'])).status).toBe('pending_deletion');
  });
});
