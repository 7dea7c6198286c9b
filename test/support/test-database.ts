import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createFromTemplate, databaseUrl, quoteIdent, withAdmin } from './server-admin.ts';
import './template-info.ts';

export interface TestDatabase {
  kind: 'embedded' | 'server';
  /** Options for `createTenantry` (SDK). */
  sdkOptions:
    { home: string; embeddedStore: 'in-process'; env: Record<string, string | undefined> } | { databaseUrl: string; env: Record<string, string | undefined> };
  /** Options for `openDatabase` (core). */
  coreOptions: { kind: 'embedded'; home: string; mode: 'in-process' } | { kind: 'server'; url: string };
  /** Environment for the `tenantry` binary. */
  env: Record<string, string | undefined>;
  drop(): Promise<void>;
}

/**
 * A private, migrated database for one test file: a copy of the run's template. The embedded copy is
 * opened in process (the SDK, core, and the binary with TENANTRY_STORE=in-process), so a test file
 * starts no serving process it would have to stop; test/cli/shared-store.test.ts covers that path.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject('tenantryTemplate');
  const isolatedEnv = { TENANTRY_BASE_DOMAIN: undefined, TENANTRY_DATABASE_URL: undefined, TENANTRY_HOME: undefined, TENANTRY_STORE: undefined, CI: undefined };
  if (template.kind === 'embedded') {
    const home = await mkdtemp(join(tmpdir(), 'tenantry-test-'));
    await cp(template.templateHome, home, { recursive: true });
    const env = { ...isolatedEnv, TENANTRY_HOME: home, TENANTRY_STORE: 'in-process' };
    return {
      kind: 'embedded',
      sdkOptions: { home, embeddedStore: 'in-process', env: {} },
      coreOptions: { kind: 'embedded', home, mode: 'in-process' },
      env,
      drop: () => rm(home, { recursive: true, force: true }),
    };
  }
  const name = `tenantry_t${template.runId}_${randomBytes(4).toString('hex')}`;
  await withAdmin(template.adminUrl, (client) => createFromTemplate(client, name, template.templateName));
  const url = databaseUrl(template.adminUrl, name);
  return {
    kind: 'server',
    sdkOptions: { databaseUrl: url, env: {} },
    coreOptions: { kind: 'server', url },
    env: { ...isolatedEnv, TENANTRY_DATABASE_URL: url },
    drop: () => withAdmin(template.adminUrl, async (client) => void (await client.query(`drop database if exists ${quoteIdent(name)} with (force)`))),
  };
}
