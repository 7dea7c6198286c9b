import { SAMPLE_BLUEPRINT, type Blueprint } from '@tenantry/sdk';
import { fillerTenantsSql, listFloor, provisionSql, rolloutSql, statusFloor } from './floor.ts';
import { auditChainCost } from './audit-chain.ts';
import { timeBareTerminal, timeConsole } from './console.ts';
import { doctorFloor } from './doctor-floor.ts';
import { withTenantFigures } from './with-tenant.ts';
import { median, pool, time } from './measure.ts';
import { oneTimePasswordHash } from './scrypt.ts';
import type { Sql } from './sql.ts';
import type { Target } from './targets.ts';

import { figureCollector, type Figure } from './figure.ts';

export { format } from './figure.ts';
export type { Figure };

const TAGS = "alter table devices add column tags text[] not null default '{}'";
const V2: Blueprint = {
  ...SAMPLE_BLUEPRINT,
  migrations: [...SAMPLE_BLUEPRINT.migrations, { id: '0004_device_tags', description: 'Tags on devices.', schema: TAGS, shared: TAGS }],
};

/** Every figure on one target, each beside its floor measured in the same run on a twin database. */
export async function runScenarios(target: Target, count: number, log: (line: string) => void): Promise<Figure[]> {
  const { figures, add } = figureCollector(target.name, log);
  const serverTarget = (met: boolean, text: string) => (target.name === 'server' ? { target: text, met } : {});

  // Both databases migrated, the shared tables made by a first shared tenant, the application role there.
  let client = await target.tenantry.open();
  for (const db of [client, await target.floor.open()]) {
    for (const isolation of ['schema', 'shared'] as const) {
      await db.tenants.provision(
        { name: `Warm ${isolation}`, slug: `warm-${isolation}`, ownerEmail: `warm-${isolation}@bench.test`, isolation },
        { ownerPassword: 'none' },
      );
    }
    if (db !== client) await db.close();
  }
  const floor: Sql = await target.floor.raw();
  try {
    for (const isolation of ['schema', 'shared'] as const) {
      const tenantry = await median(
        (i) =>
          client.tenants.provision(
            { name: `One ${isolation} ${i}`, slug: `one-${isolation}-${i + 10}`, ownerEmail: `one-${isolation}-${i + 10}@bench.test`, isolation },
            { ownerPassword: 'none' },
          ),
        15,
      );
      const raw = await median((i) => floor.exec(provisionSql(`one-${isolation}-${i + 10}`, isolation)), 15);
      add({
        figure: `provision one tenant (${isolation})`,
        unit: 'ms',
        tenantry,
        floor: raw,
        ...serverTarget(tenantry <= raw * 1.5, '≤ 1.5× floor'),
        note: 'owner without a password',
      });
    }
    await withTenantFigures(client, floor, add);
    const withPassword = await median((i) => client.tenants.provision({ name: `Pw ${i}`, slug: `pw-${i + 10}`, ownerEmail: `pw-${i + 10}@bench.test` }), 9);
    const rawPassword = await median(async (i) => floor.exec(provisionSql(`pw-${i + 10}`, 'schema', await oneTimePasswordHash())), 9);
    add({
      figure: 'provision one tenant (schema, one-time password)',
      unit: 'ms',
      tenantry: withPassword,
      floor: rawPassword,
      note: 'both hash with scrypt N=2^15',
    });

    const bulk = async (isolation: 'schema' | 'shared', prefix: string) => {
      const slugs = Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(5, '0')}`);
      const csv = ['name,slug,owner-email,isolation', ...slugs.map((slug) => `${slug},${slug},owner@${slug}.test,${isolation}`)].join('\n');
      const tenantryMs = await time(async () => {
        const report = await client.tenants.provisionBulk({ text: csv, name: 'bench.csv' }, { ownerPasswords: 'none' });
        if (report.summary.created !== count)
          throw new Error(`bulk created ${report.summary.created} of ${count}: ${JSON.stringify(report.rows.find((row) => row.error))}`);
      });
      const floorMs = await time(() => pool(slugs, target.concurrency.bulk, (slug) => floor.exec(provisionSql(slug, isolation))));
      return { tenantry: count / (tenantryMs / 1000), floor: count / (floorMs / 1000) };
    };
    const schemaRates = await bulk('schema', 'bulk-schema');
    add({
      figure: `bulk ${count} tenants (schema)`,
      unit: 'tenants/s',
      ...schemaRates,
      ...serverTarget(schemaRates.tenantry >= 50, '≥ 50/s'),
      note: `concurrency ${target.concurrency.bulk}, owners without passwords`,
    });

    const ids = SAMPLE_BLUEPRINT.migrations.map((migration) => migration.id);
    const statusMs = await median(() => client.migrations.status(), 7);
    const statusFloorMs = await median(() => statusFloor(floor, ids), 7);
    add({ figure: `migrate status (${count}+ tenants)`, unit: 'ms', tenantry: statusMs, floor: statusFloorMs, ...serverTarget(statusMs < 1000, '< 1000 ms') });
    const noop = await median(async () => {
      const run = await client.migrations.apply({ all: true });
      if (run.summary.units !== 0) throw new Error('the no-op apply had work to do');
    }, 7);
    add({
      figure: `no-op migrate apply --all (${count}+ tenants)`,
      unit: 'ms',
      tenantry: noop,
      floor: statusFloorMs,
      ...serverTarget(noop < 1000, '< 1000 ms'),
      note: 'floor: the detection query',
    });

    await client.close();
    client = await target.tenantry.open(V2);
    const rollout = await time(async () => {
      const run = await client.migrations.apply({ all: true });
      if (run.summary.failed > 0 || run.summary.migrated < count) throw new Error(`rollout: ${JSON.stringify(run.summary)}`);
    });
    const schemas = await floor.query<{ id: string; slug: string; schema_name: string }>(
      `select id, slug, schema_name from tenantry.tenants where isolation = 'schema'`,
    );
    const rolloutFloor = await time(async () => {
      await floor.exec(
        `begin; alter table tenantry_shared.devices add column tags text[] not null default '{}'; insert into tenantry.shared_migrations values ('0004_device_tags', 'floor', now(), 0); insert into tenantry.tenant_migrations select id, '0004_device_tags', 'floor', now(), 0 from tenantry.tenants where isolation = 'shared'; commit`,
      );
      await pool(schemas, target.concurrency.migrate, (tenant) => floor.exec(rolloutSql(tenant.id, tenant.slug, tenant.schema_name, TAGS, '0004_device_tags')));
    });
    add({
      figure: `roll one new migration out to ${count}+ schemas`,
      unit: 's',
      tenantry: rollout / 1000,
      floor: rolloutFloor / 1000,
      note: `concurrency ${target.concurrency.migrate}; ${Math.round(schemas.length / (rollout / 1000))} schemas/s`,
    });

    const sharedRates = await bulk('shared', 'bulk-shared');
    add({
      figure: `bulk ${count} tenants (shared)`,
      unit: 'tenants/s',
      ...sharedRates,
      ...serverTarget(sharedRates.tenantry >= 300, '≥ 300/s'),
      note: `concurrency ${target.concurrency.bulk}, owners without passwords`,
    });

    // Ten thousand tenants: the rest straight into the control plane on both sides.
    await client.close();
    // Raw SQL on the Tenantry side too, so only while the client is closed (one process per embedded store).
    const chainSql = await target.tenantry.raw();
    const chain = await auditChainCost(chainSql, floor).finally(() => chainSql.close());
    add({
      figure: 'six audit events in one transaction (hash chain)',
      unit: 'ms',
      tenantry: chain.chained,
      floor: chain.floor,
      note: 'floor: the same INSERT with the chain trigger off',
    });
    for (const side of [target.tenantry, target.floor]) {
      const sql = side === target.floor ? floor : await side.raw();
      const [row] = await sql.query<{ n: number }>('select count(*)::int as n from tenantry.tenants');
      await sql.exec(fillerTenantsSql(Math.max(0, 10_000 - (row?.n ?? 0)), 'filler'));
      if (sql !== floor) await sql.close();
    }
    client = await target.tenantry.open(V2);
    const list = await median(() => client.tenants.list(), 21);
    const listRaw = await median(() => listFloor(floor, 100), 21);
    add({
      figure: 'first page of 10,000 tenants (tenant list)',
      unit: 'ms',
      tenantry: list,
      floor: listRaw,
      ...serverTarget(list < 50, '< 50 ms'),
      note: '100 rows and the total',
    });

    const doctor = await median(() => client.health.check(), 5, 1);
    const doctorRaw = await median(() => doctorFloor(floor), 5, 1);
    add({
      figure: 'doctor over 10,000 tenants',
      unit: 'ms',
      tenantry: doctor,
      floor: doctorRaw,
      ...serverTarget(doctor < 5000, '< 5000 ms'),
      note: 'every check; floor: the same questions in raw SQL (UNION ALLs of 250 schemas at once for the data spaces)',
    });

    // The console needs the store to itself (the embedded store has one process at a time).
    await client.close();
    const consoleTimes = await timeConsole(target.tenantry.cliEnv());
    const bare = await timeBareTerminal();
    add({
      figure: 'console: first frame',
      unit: 'ms',
      tenantry: consoleTimes.firstFrameMs,
      floor: bare.firstFrameMs,
      ...(target.name === 'embedded' ? { target: '< 500 ms', met: consoleTimes.firstFrameMs < 500 } : {}),
      note: `data and health of 10,000 tenants on screen at ${Math.round(consoleTimes.loadedMs)} ms; floor: a bare raw-mode Node program`,
    });
    add({
      figure: 'console: key press to frame, 10,000 tenants',
      unit: 'ms',
      tenantry: consoleTimes.keyMedianMs,
      floor: bare.keyMedianMs,
      target: '< 30 ms',
      met: consoleTimes.keyMedianMs < 30,
      note: `median of 40; p95 ${consoleTimes.keyP95Ms.toFixed(1)} ms (floor p95 ${bare.keyP95Ms.toFixed(1)} ms)`,
    });
    client = await target.tenantry.open(V2);
  } finally {
    await client.close();
    await floor.close();
  }
  return figures;
}
