import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createTenantry, type Blueprint, type TenantryClient } from '@tenantry/sdk';
import { pgSql, pgliteSql, type Sql } from './sql.ts';

/** Where one side of a figure runs: its own fresh database, Tenantry's or the floor's. */
export interface Side {
  open(blueprint?: Blueprint): Promise<TenantryClient>;
  /** Raw SQL on the same database; on the embedded store only while no client holds it. */
  raw(): Promise<Sql>;
  /** The environment that points the `tenantry` binary at this database. */
  cliEnv(): Record<string, string>;
}

export interface Target {
  name: 'embedded' | 'server';
  /** Tenants at once, as the SDK defaults them on this target: bulk provisioning, and migration rollout. */
  concurrency: { bulk: number; migrate: number };
  tenantry: Side;
  floor: Side;
  describe(): Promise<string>;
  cleanup(): Promise<void>;
}

const POOL = 10;

export async function embeddedTarget(): Promise<Target> {
  const homes = await Promise.all([mkdtemp(join(tmpdir(), 'tenantry-bench-')), mkdtemp(join(tmpdir(), 'tenantry-bench-floor-'))]);
  const side = (home: string): Side => ({
    open: (blueprint) => createTenantry({ home, env: {}, command: 'tenantry bench', ...(blueprint ? { blueprint } : {}) }),
    raw: () => pgliteSql(join(home, 'pgdata')),
    cliEnv: () => ({ TENANTRY_HOME: home }),
  });
  return {
    name: 'embedded',
    concurrency: { bulk: 1, migrate: 1 },
    tenantry: side(homes[0]),
    floor: side(homes[1]),
    async describe() {
      const sql = await pgliteSql(join(homes[1], 'pgdata'));
      const [row] = await sql.query<{ version: string }>('select version()');
      await sql.close();
      return `embedded PGlite (${row?.version.split(' ').slice(0, 2).join(' ')})`;
    },
    cleanup: async () => void (await Promise.all(homes.map((home) => rm(home, { recursive: true, force: true })))),
  };
}

export async function serverTarget(adminUrl: string): Promise<Target> {
  const run = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const names = [`tenantry_bench_${run}`, `tenantry_bench_${run}_floor`];
  await admin(adminUrl, async (client) => {
    for (const name of names) await client.query(`create database "${name}"`);
  });
  const urlOf = (name: string) => {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const side = (name: string): Side => ({
    open: (blueprint) => createTenantry({ databaseUrl: urlOf(name), env: {}, poolSize: POOL, ...(blueprint ? { blueprint } : {}) }),
    raw: async () => pgSql(urlOf(name), POOL),
    cliEnv: () => ({ TENANTRY_DATABASE_URL: urlOf(name) }),
  });
  return {
    name: 'server',
    concurrency: { bulk: 8, migrate: 4 },
    tenantry: side(names[0] as string),
    floor: side(names[1] as string),
    async describe() {
      const rows = await admin(adminUrl, async (client) => (await client.query<{ version: string }>('select version()')).rows);
      return `PostgreSQL server (${rows[0]?.version.split(' ').slice(0, 2).join(' ')})`;
    },
    cleanup: () =>
      admin(adminUrl, async (client) => {
        for (const name of names) await client.query(`drop database if exists "${name}" with (force)`);
      }),
  };
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
