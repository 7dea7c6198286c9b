import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '@tenantry/testing';

const exec = promisify(execFile);

it('docs/sdk/README.md is the TypeDoc reference of the SDK as it is (run `pnpm docs:generate`)', async () => {
  const out = await mkdtemp(join(tmpdir(), 'tenantry-sdk-docs-'));
  try {
    await exec(process.execPath, [join(REPO_ROOT, 'node_modules', 'typedoc', 'bin', 'typedoc'), '--out', out], { cwd: REPO_ROOT });
    const fresh = await readFile(join(out, 'README.md'), 'utf8');
    expect(fresh === (await readFile(join(REPO_ROOT, 'docs', 'sdk', 'README.md'), 'utf8')), 'docs/sdk/README.md is stale: run `pnpm docs:generate`').toBe(true);
    // Each resource has an example, and each of its methods the error codes it can raise.
    for (const resource of [
      'Tenants',
      'ApiKeys',
      'Audit',
      'DatabaseResource',
      'Domains',
      'Events',
      'Health',
      'Idempotency',
      'Invitations',
      'Members',
      'Migrations',
      'Plans',
      'Roles',
      'Tokens',
    ]) {
      const section = fresh.split(`\n### ${resource}\n`)[1]?.split('\n### ')[0] ?? '';
      expect(section, resource).toContain('#### Example');
      const methods = section.match(/\n##### .*\(\)\n/g) ?? [];
      expect(methods.length, `${resource} methods`).toBeGreaterThan(0);
      expect(section.split('###### Throws').length - 1, `${resource}: a Throws on each method`).toBe(methods.length);
    }
    expect(fresh).toContain('`SLUG_TAKEN`');
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}, 180_000);
