import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@tenantry/testing';

const exec = promisify(execFile);
const PACKAGES = ['core', 'sdk', 'tui'] as const;
let project: string;
let tarballs: string[];

/** The packages as npm would publish them, installed with npm into a project outside the repository. */
beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'tenantry-packed-'));
  const packs = join(project, 'tarballs');
  await mkdir(packs);
  for (const name of PACKAGES) {
    // The CLI's bundle is built before the suite (`pnpm test` builds first) and other tests run it while
    // this one packs: its prepack must not rebuild (and for a moment remove) packages/tui/dist.
    const scripts = name === 'tui' ? ['--config.ignore-scripts=true'] : [];
    await exec('npx', ['--yes', 'pnpm@10.34.9', 'pack', ...scripts, '--pack-destination', packs], { cwd: join(REPO_ROOT, 'packages', name) });
  }
  tarballs = (await readdir(packs)).map((file) => join(packs, file));
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'fresh-project', private: true, type: 'module' }));
  await exec('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...tarballs], { cwd: project });
}, 480_000);

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

const run = (command: string, args: string[], env: Record<string, string> = {}) =>
  exec(command, args, { cwd: project, env: { PATH: process.env.PATH ?? '', HOME: project, TENANTRY_CONFIG: join(project, 'none.toml'), ...env } });

describe('the packed packages', () => {
  it('hold compiled JavaScript with declarations and no workspace: references', async () => {
    for (const name of PACKAGES) {
      const installed = JSON.parse(await readFile(join(project, 'node_modules', '@tenantry', name, 'package.json'), 'utf8')) as Record<string, unknown>;
      expect(JSON.stringify(installed)).not.toContain('workspace:');
      expect(installed.engines).toEqual({ node: '>=22.17' });
      if (name !== 'tui') expect(installed.exports).toEqual({ '.': { types: './dist/index.d.ts', import: './dist/index.js' } });
    }
  });

  it('run the CLI on a fresh embedded store', async () => {
    const version = await run(join(project, 'node_modules', '.bin', 'tenantry'), ['--version']);
    expect(version.stdout).toMatch(/^tenantry \d+\.\d+\.\d+\n$/);
    const home = join(project, 'store');
    const list = await run(join(project, 'node_modules', '.bin', 'tenantry'), ['tenant', 'list', '--json'], { TENANTRY_HOME: home });
    expect(JSON.parse(list.stdout)).toEqual({ items: [], total: 0, nextCursor: null });
  }, 120_000);

  it('run and typecheck a TypeScript program using the SDK', async () => {
    const script = join(project, 'provision.ts');
    await writeFile(
      script,
      `import { createTenantry, TenantryError } from '@tenantry/sdk';
const home: string = process.argv[2] ?? '';
await using tenantry = await createTenantry({ home });
const plan = await tenantry.tenants.provision({ name: 'Acme Corp', ownerEmail: 'owner@acme.test' }, { dryRun: true });
const created = await tenantry.tenants.provision({ name: 'Acme Corp', ownerEmail: 'owner@acme.test' });
try {
  await tenantry.tenants.provision({ name: 'Acme Corp', ownerEmail: 'other@acme.test' });
} catch (error) {
  if (!(error instanceof TenantryError)) throw error;
  console.log(JSON.stringify({ dryRun: plan.result, created: created.result, slug: created.tenant.slug, again: error.code }));
}
`,
    );
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2024',
          lib: ['ES2024', 'ESNext.Disposable'],
          module: 'NodeNext',
          strict: true,
          noEmit: true,
          typeRoots: [join(REPO_ROOT, 'node_modules', '@types')],
          types: ['node'],
        },
        files: ['provision.ts'],
      }),
    );
    await run(process.execPath, [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project]);
    // The store the CLI test made: warm, so this test times the SDK rather than a cold PGlite boot.
    const output = await run(process.execPath, [script, join(project, 'store')]);
    expect(JSON.parse(output.stdout)).toEqual({ dryRun: 'planned', created: 'created', slug: 'acme-corp', again: 'SLUG_TAKEN' });
  }, 180_000);
});
