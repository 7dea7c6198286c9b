import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { runCli } from './run-cli.ts';
import { createTestDatabase } from './test-database.ts';

export interface OutageDatabase {
  /** A migrated control-plane database on a PostgreSQL server. */
  url: string;
  drop(): Promise<void>;
}

/**
 * A PostgreSQL server database that a test may lose the connection to. On a server run it is the test
 * file's own database; on an embedded run (no server configured) it is a private throwaway cluster on
 * a free port, so an outage test never touches a shared server.
 */
export async function createOutageDatabase(): Promise<OutageDatabase> {
  if (inject('tenantryTemplate').kind === 'embedded') return startPrivateCluster();
  const database = await createTestDatabase();
  if (database.coreOptions.kind !== 'server') throw new Error('expected a server database');
  return { url: database.coreOptions.url, drop: () => database.drop() };
}

async function startPrivateCluster(): Promise<OutageDatabase> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'tenantry-pg-'));
  const asPostgres = process.getuid?.() === 0;
  if (asPostgres)
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  const run = (tool: string, args: string[]) =>
    asPostgres
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, tool), args, { stdio: 'pipe' });
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const migrated = await runCli(['db', 'migrate', '--json'], { env: { TENANTRY_DATABASE_URL: url } });
  if (migrated.exitCode !== 0) throw new Error(`db migrate failed on the private cluster: ${migrated.stderr}${migrated.stdout}`);
  return {
    url,
    drop: async () => {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  if (!version) throw new Error('outage tests need the PostgreSQL server binaries (/usr/lib/postgresql/<version>/bin) or TENANTRY_TEST_DATABASE_URL');
  return join(root, version, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
