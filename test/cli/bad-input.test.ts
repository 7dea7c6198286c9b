import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, runCli, snapshotDatabase, type CliResult, type TestDatabase } from '@tenantry/testing';

/** Each bad input: the flags to pass (on top of a valid base) and the flag the error must name. */
const BAD_INPUTS: { what: string; flags: string[]; names: string }[] = [
  { what: 'slug with uppercase', flags: ['--slug', 'Acme'], names: '--slug' },
  { what: 'slug with underscore', flags: ['--slug', 'acme_corp'], names: '--slug' },
  { what: 'slug with a leading digit', flags: ['--slug', '1acme'], names: '--slug' },
  { what: 'slug with a leading hyphen', flags: ['--slug=-acme'], names: '--slug' },
  { what: 'slug with a trailing hyphen', flags: ['--slug', 'acme-'], names: '--slug' },
  { what: 'slug with two hyphens in a row', flags: ['--slug', 'ac--me'], names: '--slug' },
  { what: 'slug of 64 characters', flags: ['--slug', 'a'.repeat(64)], names: '--slug' },
  { what: 'slug of 2 characters', flags: ['--slug', 'ab'], names: '--slug' },
  { what: 'reserved slug', flags: ['--slug', 'admin'], names: '--slug' },
  { what: 'slug that is SQL', flags: ['--slug', "x'; drop table tenantry.tenants; --"], names: '--slug' },
  { what: 'slug with an emoji', flags: ['--slug', 'acme-😀'], names: '--slug' },
  { what: 'owner email without @', flags: ['--owner-email', 'owner.example.com'], names: '--owner-email' },
  { what: 'owner email without domain', flags: ['--owner-email', 'owner@'], names: '--owner-email' },
  { what: 'owner email with a space', flags: ['--owner-email', 'own er@example.com'], names: '--owner-email' },
  { what: 'owner email of 260 characters', flags: ['--owner-email', `${'o'.repeat(250)}@example.com`], names: '--owner-email' },
  { what: 'owner email that is SQL', flags: ['--owner-email', "' or 1=1 --"], names: '--owner-email' },
  { what: 'contact email', flags: ['--contact-email', 'billing at acme'], names: '--contact-email' },
  { what: 'support email', flags: ['--support-email', '@acme.test'], names: '--support-email' },
  { what: 'unknown plan', flags: ['--plan', 'gold'], names: '--plan' },
  { what: 'plan in capitals', flags: ['--plan', 'BASIC'], names: '--plan' },
  { what: 'negative user limit', flags: ['--max-users=-1'], names: '--max-users' },
  { what: 'zero user limit', flags: ['--max-users', '0'], names: '--max-users' },
  { what: 'non-numeric user limit', flags: ['--max-users', 'ten'], names: '--max-users' },
  { what: 'fractional asset limit', flags: ['--max-assets', '1.5'], names: '--max-assets' },
  { what: 'negative asset limit', flags: ['--max-assets=-5'], names: '--max-assets' },
  { what: 'device limit in exponent notation', flags: ['--max-devices', '1e3'], names: '--max-devices' },
  { what: 'storage quota over the maximum', flags: ['--storage-quota', '99999999'], names: '--storage-quota' },
  { what: 'zero trial days', flags: ['--trial-days', '0'], names: '--trial-days' },
  { what: 'trial of 400 days', flags: ['--trial-days', '400'], names: '--trial-days' },
  { what: 'unknown time zone', flags: ['--time-zone', 'Mars/Olympus'], names: '--time-zone' },
  { what: 'time zone as an offset', flags: ['--time-zone', 'UTC+2'], names: '--time-zone' },
  { what: 'time zone in lowercase', flags: ['--time-zone', 'america/new_york'], names: '--time-zone' },
  { what: 'domain with a space', flags: ['--domain', 'acme corp.com'], names: '--domain' },
  { what: 'domain as a URL', flags: ['--domain', 'https://acme.com'], names: '--domain' },
  { what: 'domain without a dot', flags: ['--domain', 'localhost'], names: '--domain' },
  { what: 'domain that is an IP address', flags: ['--domain', '192.168.1.10'], names: '--domain' },
  { what: 'domain with an empty label', flags: ['--domain', 'acme..com'], names: '--domain' },
  { what: 'domain label of 64 characters', flags: ['--domain', `${'d'.repeat(64)}.com`], names: '--domain' },
  { what: 'empty name', flags: ['--name', ''], names: '--name' },
  { what: 'name of spaces only', flags: ['--name', '    '], names: '--name' },
  { what: 'name of 10,000 characters', flags: ['--name', 'N'.repeat(10_000)], names: '--name' },
  { what: 'name with a bell character', flags: ['--name', 'Acme\u0007Corp'], names: '--name' },
  { what: 'name with an escape sequence', flags: ['--name', 'Acme\u001b[31mRed'], names: '--name' },
  { what: 'owner name with a control character', flags: ['--owner-name', 'Ann\u0008e'], names: '--owner-name' },
  { what: 'support phone in words', flags: ['--support-phone', 'call us'], names: '--support-phone' },
  { what: 'support phone too short', flags: ['--support-phone', '12'], names: '--support-phone' },
  { what: 'unknown isolation mode', flags: ['--isolation', 'silo'], names: '--isolation' },
  { what: 'schema name with a hyphen', flags: ['--schema-name', 'acme-data'], names: '--schema-name' },
  { what: 'system schema name', flags: ['--schema-name', 'pg_catalog'], names: '--schema-name' },
  { what: "Tenantry's own schema name", flags: ['--schema-name', 'tenantry_shared'], names: '--schema-name' },
  { what: 'schema name for a shared tenant', flags: ['--schema-name', 'acme', '--isolation', 'shared'], names: '--schema-name' },
  { what: 'adopting without a schema name', flags: ['--adopt-schema'], names: '--adopt-schema' },
  { what: 'unknown feature', flags: ['--feature', 'teleport'], names: '--feature' },
  { what: 'feature both on and off', flags: ['--feature', 'sso', '--no-feature', 'sso'], names: '--feature' },
  { what: 'weak owner password', flags: ['--owner-password', 'password'], names: '--owner-password' },
  { what: 'unknown flag', flags: ['--max-user', '5'], names: '--max-user' },
  { what: 'flag without its value', flags: ['--slug'], names: '--slug' },
];

let database: TestDatabase;
const base = ['tenant', 'create', '--name', 'Valid Name', '--owner-email', 'valid@example.com'];

beforeAll(async () => {
  database = await createTestDatabase();
  const seeded = await runCli(['tenant', 'create', '--name', 'Existing', '--owner-email', 'existing@example.com'], { env: database.env });
  expect(seeded.exitCode).toBe(0);
});

afterAll(async () => {
  await database?.drop();
});

async function inBatches<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let index = 0; index < items.length; index += size) {
    results.push(...(await Promise.all(items.slice(index, index + size).map(run))));
  }
  return results;
}

describe(`${BAD_INPUTS.length} bad inputs to tenant create`, () => {
  it('each exit 3 naming the flag, with nothing on stdout, and leave the database exactly as it was', { timeout: 300_000 }, async () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(40);
    const before = await snapshotDatabase(database);
    const results: CliResult[] = await inBatches(BAD_INPUTS, 4, (input) => runCli([...base, ...input.flags], { env: database.env }));
    const wrong = BAD_INPUTS.flatMap((input, index) => {
      const result = results[index] as CliResult;
      const ok = result.exitCode === 3 && result.stdout === '' && result.stderr.includes(input.names) && result.stderr.includes('INVALID_INPUT');
      return ok ? [] : [`${input.what}: exit ${result.exitCode}\n${result.stderr}`];
    });
    expect(wrong).toEqual([]);
    expect(await snapshotDatabase(database)).toEqual(before);
  });

  it('with --json, each is one error object naming the field and the flag', async () => {
    const sample = BAD_INPUTS.filter((input) => !input.what.startsWith('unknown flag') && !input.what.startsWith('flag without'));
    const results = await inBatches(sample.slice(0, 12), 4, (input) => runCli([...base, ...input.flags, '--json'], { env: database.env }));
    results.forEach((result, index) => {
      expect(result.exitCode).toBe(3);
      const body = JSON.parse(result.stdout) as { error: { code: string; details: { issues: { flag: string }[] } } };
      expect(body.error.code).toBe('INVALID_INPUT');
      expect(body.error.details.issues.map((issue) => issue.flag)).toContain(sample[index]?.names);
    });
  });
});
