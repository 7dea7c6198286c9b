import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, snapshotDatabase, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
const cli = (args: string[]) => runCli(args, { env: database.env });

interface ChangeJson {
  result: string;
  changes: { field: string; from: unknown; to: unknown }[];
  direction?: string;
}

beforeAll(async () => {
  database = await createTestDatabase();
  expect(
    (
      await cli([
        'tenant',
        'create',
        '--name',
        'Plan Co',
        '--slug',
        'plan-co',
        '--owner-email',
        'owner@plan.test',
        '--plan',
        'professional',
        '--max-users',
        '75',
      ])
    ).exitCode,
  ).toBe(0);
});

afterAll(async () => {
  await database?.drop();
});

describe('tenantry tenant plan', { timeout: 240_000 }, () => {
  it('shows the change as a diff on a dry run and writes nothing', async () => {
    const before = await snapshotDatabase(database);
    const run = await cli(['tenant', 'plan', 'plan-co', 'enterprise', '--dry-run']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/plan +professional → enterprise/);
    expect(run.stdout).toMatch(/limits\.maxUsers +75 → 200/);
    expect(run.stdout).toMatch(/features\.sso +false → true/);
    expect(await snapshotDatabase(database)).toEqual(before);
  });

  it('applies an upgrade with limit and feature overrides', async () => {
    const up = parseJson<ChangeJson>(await cli(['tenant', 'plan', 'plan-co', 'enterprise', '--max-api-keys', '3', '--no-feature', 'sso', '--json']));
    expect(up).toMatchObject({ result: 'applied', direction: 'upgrade' });
    expect(up.changes).toEqual(expect.arrayContaining([{ field: 'limits.maxApiKeys', from: 10, to: 3 }]));
    expect(up.changes.find((change) => change.field === 'features.sso')).toBeUndefined();
    for (const name of ['one', 'two', 'three']) expect((await cli(['key', 'create', 'plan-co', '--name', name, '--scope', '*'])).exitCode).toBe(0);
  });

  it('refuses a downgrade below usage with the numbers (exit 7), and names a bad limit flag (exit 3)', async () => {
    const down = await cli(['tenant', 'plan', 'plan-co', 'basic', '--json']);
    expect(down.exitCode).toBe(7);
    expect(parseJson(down)).toEqual({
      error: expect.objectContaining({
        code: 'DOWNGRADE_BELOW_USAGE',
        details: expect.objectContaining({ violations: [{ limit: 'maxApiKeys', newLimit: 2, used: 3 }] }),
      }),
    });
    const human = await cli(['tenant', 'plan', 'plan-co', 'basic']);
    expect(human.stderr).toContain('2 API keys but it has 3');
    expect((await cli(['tenant', 'plan', 'plan-co', 'basic', '--max-users', '0'])).stderr).toContain('--max-users');
  });

  it('turns features on and off; an unknown feature or state names the argument (exit 3)', async () => {
    const on = parseJson<ChangeJson>(await cli(['tenant', 'feature', 'plan-co', 'sso', 'on', '--json']));
    expect(on.changes).toEqual([{ field: 'features.sso', from: false, to: true }]);
    expect((await cli(['tenant', 'feature', 'plan-co', 'sso', 'on'])).stdout).toContain('already on');
    const badState = await cli(['tenant', 'feature', 'plan-co', 'sso', 'maybe']);
    expect(badState.exitCode).toBe(3);
    expect(badState.stderr).toContain('<state>');
    expect((await cli(['tenant', 'feature', 'plan-co', 'teleport', 'on'])).stderr).toContain('<feature>');
  });
});

describe('tenantry tenant set and policy', { timeout: 240_000 }, () => {
  it('set changes settings from key=value pairs and clears with an empty value', async () => {
    const run = await cli([
      'tenant',
      'set',
      'plan-co',
      'timezone=America/New_York',
      'support-email=Help@Plan.test',
      'theme=corporate',
      'notifications.email=on',
    ]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/timeZone +UTC → America\/New_York/);
    const view = parseJson<{ timeZone: string; supportEmail: string | null; settings: Record<string, unknown> }>(
      await cli(['tenant', 'view', 'plan-co', '--json']),
    );
    expect(view).toMatchObject({
      timeZone: 'America/New_York',
      supportEmail: 'help@plan.test',
      settings: { theme: 'corporate', notifications: { email: true } },
    });
    const cleared = parseJson<ChangeJson>(await cli(['tenant', 'set', 'plan-co', 'support-email=', '--json']));
    expect(cleared.changes).toEqual([{ field: 'supportEmail', from: 'help@plan.test', to: null }]);
    const bad = await cli(['tenant', 'set', 'plan-co', 'colour=red', 'timezone=Mars/Base']);
    expect(bad.exitCode).toBe(3);
    expect(bad.stderr).toContain('unknown setting "colour"');
    expect((await cli(['tenant', 'set', 'plan-co'])).exitCode).toBe(3);
  });

  it('set stores custom settings (JSON when valid JSON, else text), shows a line per key, unsets with an empty value', async () => {
    const run = await cli(['tenant', 'set', 'plan-co', 'custom.language=fr', 'custom.limits={"a":1}', 'notifications.in_app=off']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/settings\.custom\.language +\(none\) → fr/);
    expect(run.stdout).toMatch(/settings\.custom\.limits +\(none\) → \{"a":1\}/);
    expect(run.stdout).toMatch(/settings\.notifications\.inApp +\(none\) → false/);
    const view = await cli(['tenant', 'view', 'plan-co']);
    expect(view.stdout).toMatch(/Custom settings:\n +custom\.language: +fr\n +custom\.limits: +\{"a":1\}/);
    const json = parseJson<{ settings: Record<string, unknown> }>(await cli(['tenant', 'view', 'plan-co', '--json']));
    expect(json.settings).toMatchObject({ notifications: { email: true, inApp: false }, custom: { language: 'fr', limits: { a: 1 } } });

    const before = await snapshotDatabase(database);
    const planned = parseJson<ChangeJson>(await cli(['tenant', 'set', 'plan-co', 'custom.language=', '--dry-run', '--json']));
    expect(planned).toMatchObject({ result: 'planned', changes: [{ field: 'settings.custom.language', from: 'fr', to: null }] });
    expect(await snapshotDatabase(database)).toEqual(before);
    const unset = parseJson<ChangeJson>(await cli(['tenant', 'set', 'plan-co', 'custom.language=', '--json']));
    expect(unset.changes).toEqual([{ field: 'settings.custom.language', from: 'fr', to: null }]);
    expect((await cli(['tenant', 'view', 'plan-co'])).stdout).not.toContain('custom.language');
  });

  it('set names a bad custom name, points an unknown key to custom, and names an oversized value (exit 3)', async () => {
    const badName = await cli(['tenant', 'set', 'plan-co', 'custom.Language=fr', '--json']);
    expect(badName.exitCode).toBe(3);
    expect(parseJson<{ error: { details: { issues: unknown[] } } }>(badName).error.details.issues).toEqual([
      expect.objectContaining({ path: 'custom.Language', message: expect.stringContaining('such as custom.language') }),
    ]);
    const unknown = await cli(['tenant', 'set', 'plan-co', 'language=fr']);
    expect(unknown.exitCode).toBe(3);
    expect(unknown.stderr).toContain('such as custom.language');
    const big = await cli(['tenant', 'set', 'plan-co', `custom.notes=${'x'.repeat(3000)}`]);
    expect(big.exitCode).toBe(3);
    expect(big.stderr).toContain('custom.notes');
    expect(big.stderr).toContain('at most 2048');
  });

  it('policy shows the policy, changes it with validated CIDRs, and names bad ranges', async () => {
    const changed = await cli([
      'tenant',
      'policy',
      'plan-co',
      '--require-2fa',
      '--session-timeout',
      '240',
      '--password-min-length',
      '14',
      '--require-symbols',
      '--allow-ip',
      '192.168.1.0/24',
      '--allow-ip',
      '10.0.0.0/8',
      '--json',
    ]);
    expect(changed.exitCode).toBe(0);
    expect(parseJson(changed)).toMatchObject({
      result: 'applied',
      policy: {
        require2fa: true,
        sessionTimeoutMinutes: 240,
        allowedIpRanges: ['192.168.1.0/24', '10.0.0.0/8'],
        password: { minLength: 14, requireSymbols: true },
      },
    });
    const shown = await cli(['tenant', 'policy', 'plan-co']);
    expect(shown.stdout).toMatch(/2FA: +required/);
    expect(shown.stdout).toMatch(/Allowed IPs: +192\.168\.1\.0\/24, 10\.0\.0\.0\/8/);
    const bad = await cli(['tenant', 'policy', 'plan-co', '--allow-ip', '192.168.1.5/24']);
    expect(bad.exitCode).toBe(3);
    expect(bad.stderr).toContain('--allow-ip');
    expect(bad.stderr).toContain('192.168.1.0/24');
  });
});
