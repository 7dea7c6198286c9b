import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, sqlOnDatabase, type TestDatabase } from '@tenantry/testing';

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
  face: string | null;
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
    // Newest first: provisioning's main event is written after what it did along the way.
    expect(actions.indexOf('tenant.provisioned')).toBeLessThan(actions.indexOf('role.granted'));
    expect(new Set(events.map((event) => event.correlationId)).size).toBe(1);
    expect(events[0]?.actor.type).toBe('operator');
    expect(events.every((event) => event.face === 'cli')).toBe(true);
  });

  it('prints a tab-separated table when piped, filtered by action prefix and limited', async () => {
    const run = await cli(['audit', '--action', 'user.*', '--since', '1h', '--limit', '5']);
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('time\tactor\tvia\taction\ttenant\ttarget\tchange\tcorrelation');
    expect(lines.slice(1).map((line) => line.split('\t').slice(2, 4))).toEqual([['cli', 'user.created']]);
  });

  it('names the flag of a bad time (exit 3) and refuses an unknown tenant (exit 5)', async () => {
    const bad = await cli(['audit', '--since', 'last tuesday']);
    expect(bad.exitCode).toBe(3);
    expect(bad.stderr).toContain('--since');
    const missing = await cli(['audit', '--tenant', 'nope-nope', '--json']);
    expect(missing.exitCode).toBe(5);
    expect(parseJson(missing)).toEqual({ error: expect.objectContaining({ code: 'TENANT_NOT_FOUND' }) });
  });

  it('audit verify: intact exits 0; an event edited by the table owner with the triggers off exits 9, named, and the doctor fails', async () => {
    const intact = await cli(['audit', 'verify', '--json']);
    expect(intact.exitCode).toBe(0);
    const report = parseJson<{ intact: boolean; events: number; head: { seq: string; hash: string } }>(intact);
    expect(report).toMatchObject({ intact: true, broken: null, head: { seq: String(report.events) } });
    expect((await cli(['audit', 'verify'])).stdout).toContain('✓ intact');

    const [target] = await sqlOnDatabase(database, "select id::text as id from tenantry.audit_events where action = 'user.created'");
    await sqlOnDatabase(
      database,
      `do $$ begin
         alter table tenantry.audit_events disable trigger user;
         update tenantry.audit_events set after = '{"email":"attacker@evil.test"}' where id = ${String(target?.id)};
         alter table tenantry.audit_events enable trigger user;
       end $$`,
    );
    const broken = await cli(['audit', 'verify', '--json']);
    expect(broken.exitCode).toBe(9);
    expect(parseJson(broken)).toMatchObject({ intact: false, broken: { kind: 'edited', id: target?.id } });
    const human = await cli(['audit', 'verify']);
    expect(human.exitCode).toBe(9);
    expect(human.stdout).toContain(`✗ broken: the audit trail was edited at event ${String(target?.id)}`);
    const doctor = await cli(['doctor', '--min-severity', 'error', '--json']);
    expect(doctor.exitCode).toBe(9);
    expect(parseJson<{ findings: { code: string }[] }>(doctor).findings.map((finding) => finding.code)).toContain('AUDIT_CHAIN_BROKEN');
  });
});
