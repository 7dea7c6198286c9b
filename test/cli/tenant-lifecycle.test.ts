import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, snapshotDatabase, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
const cli = (args: string[]) => runCli(args, { env: database.env });
const status = async (slug: string) => parseJson<{ status: string }>(await cli(['tenant', 'view', slug, '--json'])).status;

beforeAll(async () => {
  database = await createTestDatabase();
  expect(
    (await cli(['tenant', 'create', '--name', 'Life Cycle Inc', '--slug', 'life-cycle', '--owner-email', 'owner@life.test', '--trial-days', '10'])).exitCode,
  ).toBe(0);
});

afterAll(async () => {
  await database?.drop();
});

describe('tenantry tenant suspend, resume and trial', { timeout: 240_000 }, () => {
  it('suspends with a reason and resumes; repeating is unchanged', async () => {
    const run = await cli(['tenant', 'suspend', 'life-cycle', '--reason', 'invoice unpaid']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/status +active → suspended/);
    const view = await cli(['tenant', 'view', 'life-cycle']);
    expect(view.stdout).toMatch(/Status: +‖ suspended/);
    expect(view.stdout).toMatch(/Suspended: +since \S+ \S+ UTC \(invoice unpaid\)|Suspended: +since \S+ \(invoice unpaid\)/);
    expect(parseJson(await cli(['tenant', 'suspend', 'life-cycle', '--json']))).toMatchObject({ result: 'unchanged' });
    expect((await cli(['tenant', 'resume', 'life-cycle'])).exitCode).toBe(0);
  });

  it('extends the trial from its end; --extend-days is required and bounded', async () => {
    const run = parseJson<{ trialEndsAt: string }>(await cli(['tenant', 'trial', 'life-cycle', '--extend-days', '5', '--json']));
    expect(Math.round((new Date(run.trialEndsAt).getTime() - Date.now()) / 86_400_000)).toBe(15);
    const missing = await cli(['tenant', 'trial', 'life-cycle']);
    expect(missing.exitCode).toBe(3);
    expect(missing.stderr).toContain('--extend-days');
    expect((await cli(['tenant', 'trial', 'life-cycle', '--extend-days', '400'])).exitCode).toBe(3);
  });
});

describe('plans shown are plans applied', { timeout: 240_000 }, () => {
  it('--expect-plan applies only the plan a dry run showed; after another change it is PLAN_STALE (exit 7), writing nothing', async () => {
    const shown = parseJson<{ result: string; fingerprint: string }>(await cli(['tenant', 'plan', 'life-cycle', 'enterprise', '--dry-run', '--json']));
    expect(shown).toMatchObject({ result: 'planned', fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const human = await cli(['tenant', 'plan', 'life-cycle', 'enterprise', '--dry-run']);
    expect(human.stdout).toContain(`--expect-plan ${shown.fingerprint}`);
    expect((await cli(['tenant', 'set', 'life-cycle', 'theme=dark'])).exitCode).toBe(0);
    const before = await snapshotDatabase(database);
    const stale = await cli(['tenant', 'plan', 'life-cycle', 'enterprise', '--expect-plan', shown.fingerprint, '--json']);
    expect(stale.exitCode).toBe(7);
    expect(parseJson<{ error: { code: string } }>(stale).error.code).toBe('PLAN_STALE');
    expect(await snapshotDatabase(database)).toEqual(before);
    const current = parseJson<{ fingerprint: string }>(await cli(['tenant', 'plan', 'life-cycle', 'enterprise', '--dry-run', '--json']));
    expect((await cli(['tenant', 'plan', 'life-cycle', 'enterprise', '--expect-plan', current.fingerprint])).exitCode).toBe(0);
  });

  it('ends a running trial with --end; again is unchanged', async () => {
    expect(parseJson(await cli(['tenant', 'trial', 'life-cycle', '--end', '--json']))).toMatchObject({ result: 'applied' });
    expect(parseJson(await cli(['tenant', 'trial', 'life-cycle', '--end', '--json']))).toMatchObject({ result: 'unchanged' });
    expect((await cli(['tenant', 'trial', 'life-cycle', '--end', '--extend-days', '3'])).exitCode).toBe(3);
  });
});

describe('tenantry tenant delete, restore and purge', { timeout: 240_000 }, () => {
  it('delete needs --confirm without a terminal and refuses a wrong name, writing nothing', async () => {
    const before = await snapshotDatabase(database);
    const missing = await cli(['tenant', 'delete', 'life-cycle']);
    expect(missing.exitCode).toBe(3);
    expect(missing.stderr).toContain('--confirm');
    const wrong = await cli(['tenant', 'delete', 'life-cycle', '--confirm', 'life cycle inc', '--json']);
    expect(wrong.exitCode).toBe(3);
    expect(parseJson(wrong)).toEqual({
      error: expect.objectContaining({ code: 'INVALID_INPUT', details: { issues: [expect.objectContaining({ path: 'confirm', flag: '--confirm' })] } }),
    });
    const planned = await cli(['tenant', 'delete', 'life-cycle', '--dry-run']);
    expect(planned.stdout).toContain('pending deletion');
    expect(await snapshotDatabase(database)).toEqual(before);
  });

  it('delete puts the tenant in pending deletion for 30 days', async () => {
    const deleted = parseJson<{ result: string; deletionScheduledAt: string }>(
      await cli(['tenant', 'delete', 'life-cycle', '--confirm', 'Life Cycle Inc', '--json']),
    );
    expect(deleted.result).toBe('applied');
    expect(Math.round((new Date(deleted.deletionScheduledAt).getTime() - Date.now()) / 86_400_000)).toBe(30);
  });

  it('restore brings a tenant pending deletion back; restoring an active one is refused (exit 7)', async () => {
    expect(await status('life-cycle')).toBe('pending_deletion');
    const restored = await cli(['tenant', 'restore', 'life-cycle']);
    expect(restored.exitCode).toBe(0);
    expect(await status('life-cycle')).toBe('active');
    expect((await cli(['tenant', 'restore', 'life-cycle'])).exitCode).toBe(7);
  });

  it('purge refuses an active tenant and the grace period (exit 7), then removes it for good with --force', async () => {
    expect((await cli(['tenant', 'purge', 'life-cycle', '--confirm', 'Life Cycle Inc'])).stderr).toContain('INVALID_STATUS_TRANSITION');
    expect((await cli(['tenant', 'delete', 'life-cycle', '--confirm', 'Life Cycle Inc', '--grace-days', '7'])).exitCode).toBe(0);
    const early = await cli(['tenant', 'purge', 'life-cycle', '--confirm', 'Life Cycle Inc', '--json']);
    expect(early.exitCode).toBe(7);
    expect(parseJson(early)).toEqual({ error: expect.objectContaining({ code: 'GRACE_PERIOD_ACTIVE', details: expect.objectContaining({ daysLeft: 7 }) }) });
    const purged = await cli(['tenant', 'purge', 'life-cycle', '--confirm', 'Life Cycle Inc', '--force']);
    expect(purged.exitCode).toBe(0);
    expect(purged.stdout).toContain('Purged life-cycle (1 members, 1 accounts');
  });

  it('keeps a tombstone and the audit trail; purging again is unchanged', async () => {
    expect(await status('life-cycle')).toBe('deleted');
    const trail = parseJson<{ items: { action: string }[] }>(await cli(['audit', '--tenant', 'life-cycle', '--limit', '100', '--json'])).items.map(
      (event) => event.action,
    );
    expect(trail[0]).toBe('tenant.purged');
    expect(trail).toEqual(expect.arrayContaining(['tenant.provisioned', 'tenant.suspended', 'tenant.deletion_requested', 'tenant.restored']));
    expect(parseJson(await cli(['tenant', 'purge', 'life-cycle', '--confirm', 'Life Cycle Inc', '--json']))).toMatchObject({ result: 'unchanged' });
    const members = await cli(['member', 'list', 'life-cycle']);
    expect(members.stdout.trim().split('\n')).toHaveLength(1);
  });
});
