import type { TenantryClient } from '@tenantry/sdk';
import { figureCollector, type Figure } from './figure.ts';
import { CLIENTS, httpLoad, sdkLoad, type HttpRequest, type Load } from './load.ts';
import { startServe } from './serve.ts';
import type { Side, Target } from './targets.ts';

const READS = 4000;
const PROVISIONS = 200;
/** Unmeasured calls first on each side (JIT, pools, plans); autocannon needs one request per connection at least. */
const WARM_UP = CLIENTS * 2;
const RATIO_GOAL = 1.2;
const READ_P99_GOAL_MS = 50;

const seedSlug = (index: number) => `seed-${String(index).padStart(5, '0')}`;

interface Work {
  name: string;
  amount: number;
  sdk: (client: TenantryClient, index: number) => Promise<unknown>;
  http: HttpRequest;
  read: boolean;
}

/**
 * HTTP beside the SDK on the same work, CLIENTS callers at once: get a tenant, the first page of the
 * tenant list, provision a tenant. The HTTP side is the built binary's `tenantry serve` on the Tenantry
 * database, called by autocannon with a service token; the floor is the SDK in this process on the twin
 * database, called by CLIENTS async workers. Both are seeded alike with `count` tenants.
 */
export async function httpFigures(target: Target, count: number, log: (line: string) => void): Promise<Figure[]> {
  const { figures, add } = figureCollector(target.name, log);
  log(`  http: ${count} tenants on each database, then ${CLIENTS} clients at once`);
  const served = await seed(target.tenantry, count);
  const token = String((await served.tokens.create({ name: 'bench' })).serviceToken.token);
  await served.close();
  const sdk = await seed(target.floor, count);
  const serving = await startServe(target.tenantry.cliEnv());
  try {
    for (const work of workload(count)) {
      // The same indexes on both sides: the warm-up's first, then the measured ones.
      const sdkRun = (amount: number, offset: number) => sdkLoad(amount, (index) => work.sdk(sdk, index + offset));
      const httpRun = (amount: number, offset: number) =>
        httpLoad(serving.url, token, amount, {
          method: work.http.method,
          path: (index) => work.http.path(index + offset),
          ...(work.http.body ? { body: (index: number) => work.http.body?.(index + offset) } : {}),
        });
      await sdkRun(WARM_UP, 0);
      const floor = await sdkRun(work.amount, WARM_UP);
      await httpRun(WARM_UP, 0);
      const http = await httpRun(work.amount, WARM_UP);
      addPair(add, target, work, http, floor);
    }
  } finally {
    await serving.stop();
    await sdk.close();
  }
  return figures;
}

function workload(count: number): Work[] {
  const provisionInput = (index: number) => ({ name: `Load ${index}`, slug: `load-${index}`, ownerEmail: `owner@load-${index}.bench.test` });
  return [
    {
      name: 'GET /v1/tenants/{slug}',
      amount: READS,
      read: true,
      sdk: (client, index) => client.tenants.get(seedSlug(index % count)),
      http: { method: 'GET', path: (index) => `/v1/tenants/${seedSlug(index % count)}` },
    },
    {
      name: `GET /v1/tenants (first page of ${count})`,
      amount: READS,
      read: true,
      sdk: (client) => client.tenants.list(),
      http: { method: 'GET', path: () => '/v1/tenants' },
    },
    {
      name: 'POST /v1/tenants (provision)',
      amount: PROVISIONS,
      read: false,
      sdk: (client, index) => client.tenants.provision(provisionInput(index), { ownerPassword: 'none' }),
      http: { method: 'POST', path: () => '/v1/tenants', body: (index) => ({ ...provisionInput(index), ownerPasswordMode: 'none' }) },
    },
  ];
}

function addPair(add: ReturnType<typeof figureCollector>['add'], target: Target, work: Work, http: Load, floor: Load): void {
  const p50s = `p50 ${http.p50Ms.toFixed(1)} ms (SDK ${floor.p50Ms.toFixed(1)} ms)`;
  add({
    figure: `${work.name}, ${CLIENTS} clients: time per request`,
    unit: 'ms',
    tenantry: http.perRequestMs,
    floor: floor.perRequestMs,
    target: `≤ ${RATIO_GOAL}× SDK`,
    met: http.perRequestMs <= floor.perRequestMs * RATIO_GOAL,
    note: `wall time / ${work.amount} requests; floor: the SDK in process, ${CLIENTS} async workers; ${p50s}`,
  });
  const p99Goal = work.read && target.name === 'server' ? { target: `< ${READ_P99_GOAL_MS} ms`, met: http.p99Ms < READ_P99_GOAL_MS } : {};
  add({
    figure: `${work.name}, ${CLIENTS} clients: p99 latency`,
    unit: 'ms',
    tenantry: http.p99Ms,
    floor: floor.p99Ms,
    ...p99Goal,
    note: `${p50s}; autocannon, kept-alive connections`,
  });
}

/** A client on `side` with `count` tenants (shared isolation, owners without passwords). */
async function seed(side: Side, count: number): Promise<TenantryClient> {
  const client = await side.open();
  const slugs = Array.from({ length: count }, (_, index) => seedSlug(index));
  const csv = ['name,slug,owner-email,isolation', ...slugs.map((slug) => `${slug},${slug},owner@${slug}.bench.test,shared`)].join('\n');
  const report = await client.tenants.provisionBulk({ text: csv, name: 'seed.csv' }, { ownerPasswords: 'none' });
  if (report.summary.created !== count) throw new Error(`seeding created ${report.summary.created} of ${count} tenants`);
  return client;
}
