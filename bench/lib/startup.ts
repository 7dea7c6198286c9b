import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { median } from './measure.ts';
import type { Figure } from './figure.ts';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../packages/tui/dist/bin.js', import.meta.url));
const RUNS = 11;

/**
 * Whole-process start-up of the built binary, each beside `node -e 0` measured in the same run (the
 * floor: nothing can start faster on this Node). On the server (TENANTRY_BENCH_DATABASE_URL) also a read
 * command, `tenant list` on a scratch database with one tenant.
 */
export async function startupFigures(serverUrl: string | undefined, log: (line: string) => void): Promise<Figure[]> {
  const home = await mkdtemp(join(tmpdir(), 'tenantry-bench-startup-'));
  const env = { PATH: process.env.PATH ?? '', HOME: home, TENANTRY_HOME: home, TENANTRY_CONFIG: join(home, 'none.toml') };
  const spawnMs = (args: string[], extra: Record<string, string> = {}) => median(() => run(process.execPath, args, { env: { ...env, ...extra } }), RUNS);
  const figures: Figure[] = [];
  const add = (figure: string, tenantry: number, floor: number, limit: number, database: Figure['database']) => {
    const ratio = Math.round((tenantry / floor) * 100) / 100;
    figures.push({
      figure,
      database,
      unit: 'ms',
      tenantry,
      floor,
      ratio,
      target: `≤ ${limit}× node -e 0`,
      met: ratio <= limit,
      note: 'whole process, median of 11 after 2 warm-ups',
    });
    log(`  ${figure}: ${tenantry.toFixed(0)} ms (node -e 0 ${floor.toFixed(0)} ms, ×${ratio})`);
  };
  try {
    log('start-up: the built binary beside node -e 0');
    // The floor is measured again beside each figure: on a shared machine the load drifts within a run.
    for (const args of [['--version'], ['--help'], ['tenant', '--help'], ['tenant', 'create', '--help']]) {
      const floor = await spawnMs(['-e', '0']);
      add(`tenantry ${args.join(' ')}`, await spawnMs([BIN, ...args]), floor, 2.5, 'none');
    }
    if (serverUrl) {
      const url = await scratchDatabase(serverUrl);
      try {
        const server = { TENANTRY_DATABASE_URL: url.database };
        await run(process.execPath, [BIN, 'tenant', 'create', '--name', 'Startup', '--owner-email', 'owner@startup.bench.test'], {
          env: { ...env, ...server },
        });
        const floor = await spawnMs(['-e', '0']);
        add('tenantry tenant list (1 tenant)', await spawnMs([BIN, 'tenant', 'list'], server), floor, 4, 'server');
      } finally {
        await url.drop();
      }
    }
  } finally {
    await rm(home, { recursive: true, force: true });
  }
  return figures;
}

async function scratchDatabase(adminUrl: string): Promise<{ database: string; drop: () => Promise<void> }> {
  const name = `tenantry_bench_startup_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const database = new URL(adminUrl);
  database.pathname = `/${name}`;
  return {
    database: database.toString(),
    drop: async () => {
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
