import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
const cli = (args: string[]) => runCli(args, { env: database.env });

beforeAll(async () => {
  database = await createTestDatabase();
  const created = await cli(['tenant', 'create', '--name', 'Audit Co', '--slug', 'audit-co', '--owner-email', 'owner@audit.test', '--json']);
  expect(created.exitCode).toBe(0);
});

afterAll(async () => {
  await database?.drop();
});

interface AuditJson {
  action: string;
  tenantSlug: string;
  correlationId: string;
  actor: { type: string; label: string };
  after: Record<string, unknown> | null;
}

describe('tenantry audit', { timeout: 240_000 }, () => {
  it('prints the events of a tenant as JSON, newest first, with one correlation id for the command', async () => {
    const run = await cli(['audit', '--tenant', 'audit-co', '--json']);
    expect(run.exitCode).toBe(0);
    const { items: events, nextCursor } = parseJson<{ items: AuditJson[]; nextCursor: string | null }>(run);
    expect(nextCursor).toBeNull();
    const actions = events.map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['tenant.provisioned', 'user.created', 'membership.created', 'role.granted']));
    expect(actions.indexOf('role.granted')).toBeLessThan(actions.indexOf('tenant.provisioned'));
    expect(new Set(events.map((event) => event.correlationId)).size).toBe(1);
    expect(events[0]?.actor.type).toBe('operator');
  });

  it('prints a tab-separated table when piped, filtered by action prefix and limited', async () => {
    const run = await cli(['audit', '--action', 'user.*', '--since', '1h', '--limit', '5']);
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('time\tactor\taction\ttenant\ttarget\tchange\tcorrelation');
    expect(lines.slice(1).map((line) => line.split('\t')[2])).toEqual(['user.created']);
  });

  it('names the flag of a bad time (exit 3) and refuses an unknown tenant (exit 5)', async () => {
    const bad = await cli(['audit', '--since', 'last tuesday']);
    expect(bad.exitCode).toBe(3);
    expect(bad.stderr).toContain('--since');
    const missing = await cli(['audit', '--tenant', 'nope-nope', '--json']);
    expect(missing.exitCode).toBe(5);
    expect(parseJson(missing)).toEqual({ error: expect.objectContaining({ code: 'TENANT_NOT_FOUND' }) });
  });
});
