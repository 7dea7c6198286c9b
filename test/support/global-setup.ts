import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { BIN_PATH } from './paths.ts';
import { runCli } from './run-cli.ts';
import { databaseUrl, quoteIdent, withAdmin } from './server-admin.ts';
import type { TemplateInfo } from './template-info.ts';

/**
 * Builds one migrated database per run, through the real `tenantry db migrate`, that every test file
 * then copies: a data directory for the embedded store, a template database on the server.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(BIN_PATH)) throw new Error(`${BIN_PATH} is missing: run \`pnpm build\` first (pnpm test does).`);
  const adminUrl = process.env.TENANTRY_TEST_DATABASE_URL;
  const info = adminUrl ? await serverTemplate(adminUrl) : await embeddedTemplate();
  project.provide('tenantryTemplate', info);
  return async () => {
    if (info.kind === 'embedded') {
      await rm(info.templateHome, { recursive: true, force: true });
      return;
    }
    await withAdmin(info.adminUrl, async (client) => {
      const { rows } = await client.query<{ datname: string }>('select datname from pg_database where datname like $1', [`tenantry_t${info.runId}%`]);
      for (const row of rows) await client.query(`drop database if exists ${quoteIdent(row.datname)} with (force)`);
    });
  };
}

async function embeddedTemplate(): Promise<TemplateInfo> {
  const templateHome = await mkdtemp(join(tmpdir(), 'tenantry-template-'));
  await migrate({ TENANTRY_HOME: templateHome, TENANTRY_STORE: 'in-process' });
  return { kind: 'embedded', templateHome };
}

async function serverTemplate(adminUrl: string): Promise<TemplateInfo> {
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const templateName = `tenantry_t${runId}_template`;
  await withAdmin(adminUrl, (client) => client.query(`create database ${quoteIdent(templateName)}`));
  await migrate({ TENANTRY_DATABASE_URL: databaseUrl(adminUrl, templateName) });
  return { kind: 'server', adminUrl, templateName, runId };
}

async function migrate(env: Record<string, string>): Promise<void> {
  const result = await runCli(['db', 'migrate'], { env });
  if (result.exitCode !== 0) throw new Error(`tenantry db migrate failed (${result.exitCode}):\n${result.stderr}`);
}
