import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN_PATH, createTestDatabase, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

/** Runs the binary with its stdout closed before it writes anything, as `tenantry ... | head -0` does. */
function runWithClosedStdout(args: string[]): Promise<{ exitCode: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...database.env } as Record<string, string>;
    const child = spawn(process.execPath, [BIN_PATH, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stderr }));
  });
}

describe('a closed stdout', () => {
  it.each([[['db', 'status']], [['db', 'status', '--json']], [['tenant', 'list']]])('tenantry %j | head -0 ends quietly', async (args) => {
    const run = await runWithClosedStdout(args);
    expect(run).toEqual({ exitCode: 0, stderr: '' });
  });
});
