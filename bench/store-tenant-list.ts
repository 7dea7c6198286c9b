import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * `node bench/store-tenant-list.ts` (after `pnpm build`): a warm `tenantry tenant list` (one tenant) on
 * the embedded store, its serving process already running, against the same command on the server
 * named by TENANTRY_BENCH_DATABASE_URL (an admin URL; a scratch database is created and dropped).
 * Whole processes, alternated, median of TENANTRY_BENCH_RUNS (default 9) after a warm-up. Target: ≤ 1.5×.
 */
const adminUrl = process.env.TENANTRY_BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const runs = Number(process.env.TENANTRY_BENCH_RUNS ?? 9);
const bin = fileURLToPath(new URL('../packages/tui/dist/bin.js', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'tenantry-bench-store-'));
const databaseName = `tenantry_bench_list_${process.pid}`;
const serverUrl = Object.assign(new URL(adminUrl), { pathname: `/${databaseName}` }).toString();
const embedded = { TENANTRY_HOME: home };
const server = { TENANTRY_DATABASE_URL: serverUrl };

function tenantry(args: string[], env: Record<string, string>): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tenantry ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

try {
  tenantry(['db', 'init', '--create'], server);
  for (const env of [embedded, server]) tenantry(['tenant', 'create', '--name', 'Bench Co', '--owner-email', 'owner@bench.test'], env);
  const times: Record<'embedded' | 'server', number[]> = { embedded: [], server: [] };
  tenantry(['tenant', 'list'], embedded);
  tenantry(['tenant', 'list'], server);
  for (let run = 0; run < runs; run++) {
    times.embedded.push(tenantry(['tenant', 'list'], embedded));
    times.server.push(tenantry(['tenant', 'list'], server));
  }
  const [e, s] = [median(times.embedded), median(times.server)];
  process.stdout.write(
    `tenant list, warm, median of ${runs}: embedded (shared store) ${e.toFixed(0)} ms, server ${s.toFixed(0)} ms, ratio ${(e / s).toFixed(2)}× (target ≤ 1.5×)\n`,
  );
} finally {
  spawnSync(process.execPath, [bin, 'store', 'stop'], { env: { PATH: process.env.PATH ?? '', ...embedded } });
  rmSync(home, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists "${databaseName}" with (force)`);
  await admin.end();
}
