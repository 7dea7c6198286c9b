import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { httpFigures } from './lib/http.ts';
import { format, runScenarios, type Figure } from './lib/scenarios.ts';
import { startupFigures } from './lib/startup.ts';
import { embeddedTarget, serverTarget, type Target } from './lib/targets.ts';

/**
 * `pnpm bench`: every figure on the embedded store, and on the PostgreSQL server named by
 * TENANTRY_BENCH_DATABASE_URL (an admin URL: two scratch databases are created and dropped), each beside
 * its raw-SQL floor measured in the same run. Prints a table and writes bench/results.json.
 * TENANTRY_BENCH_TENANTS (default 1000) scales the bulk and migration figures and the tenants the HTTP figures
 * read; TENANTRY_BENCH_ONLY=startup|embedded|server|http runs one part (start-up: the binary's --version, help
 * and, on the server, tenant list beside node -e 0; http: `tenantry serve` beside the SDK, 50 clients at
 * once, on fresh databases of each target).
 */
const count = Number(process.env.TENANTRY_BENCH_TENANTS ?? 1000);
const serverUrl = process.env.TENANTRY_BENCH_DATABASE_URL;
const only = process.env.TENANTRY_BENCH_ONLY;
const log = (line: string) => void process.stderr.write(`${line}\n`);

const makers: [Target['name'], () => Promise<Target>][] = [['embedded', embeddedTarget]];
if (serverUrl) makers.push(['server', () => serverTarget(serverUrl)]);
else log('TENANTRY_BENCH_DATABASE_URL is not set: the server figures are skipped.');

const figures: Figure[] = [];
const databases: Record<string, string> = {};
if (!only || only === 'startup') figures.push(...(await startupFigures(serverUrl, log)));
for (const [name, make] of makers) {
  const parts: [string, (target: Target) => Promise<Figure[]>][] = [
    [name, (target) => runScenarios(target, count, log)],
    ['http', (target) => httpFigures(target, count, log)],
  ];
  for (const [part, run] of parts) {
    if (only && only !== part) continue;
    // Each part on fresh databases of the target.
    const target = await make();
    try {
      databases[name] ??= await target.describe();
      log(`${name}${part === 'http' ? ' (http)' : ''}: ${databases[name]}`);
      figures.push(...(await run(target)));
    } finally {
      await target.cleanup();
    }
  }
}

const rows = [
  ['figure', 'database', 'tenantry', 'floor', '×floor', 'target', ''],
  ...figures.map((f) => [
    f.figure,
    f.database,
    format(f.tenantry, f.unit),
    format(f.floor, f.unit),
    `${f.ratio}`,
    f.target ?? '',
    f.met === undefined ? '' : f.met ? '✓ met' : '✗ missed',
  ]),
];
const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
process.stdout.write(
  `${rows
    .map((row) =>
      row
        .map((cell, column) => (column >= 2 && column <= 4 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n`,
);

const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 1024 ** 3), node: process.version },
  databases,
  tenants: count,
  figures,
};
writeFileSync(fileURLToPath(new URL('./results.json', import.meta.url)), `${JSON.stringify(results, null, 2)}\n`);
log('Wrote bench/results.json');
