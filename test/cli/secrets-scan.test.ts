import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, snapshotDatabase, type TestDatabase } from '@tenantry/testing';

/**
 * A full scenario through the binary, collecting every password, token and key handed out or typed in;
 * then a dump of the database, the audit trail, and every file under $TENANTRY_HOME (the mail log, and
 * for the embedded store its data directory) must contain none of them.
 */
let database: TestDatabase;
let home: string;
const secrets = new Map<string, string>();
const cli = (args: string[], input?: string) => runCli(args, { env: { ...database.env, TENANTRY_HOME: home }, ...(input === undefined ? {} : { input }) });

function keep(label: string, value: string | undefined): string {
  if (!value) throw new Error(`no ${label}`);
  secrets.set(label, value);
  return value;
}

beforeAll(async () => {
  database = await createTestDatabase();
  home = database.env.TENANTRY_HOME ?? mkdtempSync(join(tmpdir(), 'tenantry-secrets-'));
});

afterAll(async () => {
  await database?.drop();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('secrets', { timeout: 240_000 }, () => {
  it('a full scenario hands out passwords, tokens and keys once each', async () => {
    const created = parseJson<{ owner: { oneTimePassword?: string } }>(
      await cli(['tenant', 'create', '--name', 'Secret One', '--slug', 'secret-one', '--owner-email', 'owner@one.test', '--json']),
    );
    keep('one-time password', created.owner.oneTimePassword);
    const given = keep('given owner password', 'Given-Owner-Pass-77');
    expect(
      (
        await cli([
          'tenant',
          'create',
          '--name',
          'Secret Two',
          '--slug',
          'secret-two',
          '--owner-email',
          'owner@two.test',
          '--owner-password',
          given,
          '--plan',
          'professional',
        ])
      ).exitCode,
    ).toBe(0);
  });

  it('…invitation tokens, sent, rotated and accepted with a password', async () => {
    const first = parseJson<{ invitation: { token?: string } }>(await cli(['invite', 'send', 'secret-two', 'ana@two.test', '--role', 'admin', '--json']));
    keep('invitation token', first.invitation.token);
    const resent = await cli(['invite', 'resend', 'secret-two', 'ana@two.test']);
    const token = keep('rotated invitation token', /Token: +(inv_\w+)/.exec(resent.stdout)?.[1]);
    const password = keep('accepted password', 'Accepted-Pass-Word-99');
    expect((await cli(['invite', 'accept', token, '--password-stdin'], `${password}\n`)).exitCode).toBe(0);
  });

  it('…including a wrong password typed when linking an existing account', async () => {
    const link = parseJson<{ invitation: { token?: string } }>(await cli(['invite', 'send', 'secret-two', 'owner@one.test', '--json']));
    const linkToken = keep('link invitation token', link.invitation.token);
    const wrong = keep('wrong password', 'Wrong-Guess-Pass-11');
    expect((await cli(['invite', 'accept', linkToken, '--password', wrong, '--verbose'])).exitCode).toBe(4);
    expect((await cli(['invite', 'accept', linkToken, '--password-stdin'], `${secrets.get('one-time password')}\n`)).exitCode).toBe(0);
  });

  it('…and API keys created, rotated and verified', async () => {
    const key = parseJson<{ apiKey: { key?: string; prefix: string } }>(
      await cli(['key', 'create', 'secret-two', '--name', 'ci', '--scope', 'assets.*', '--json']),
    );
    keep('API key', key.apiKey.key);
    const rotated = parseJson<{ apiKey: { key?: string } }>(await cli(['key', 'rotate', 'secret-two', key.apiKey.prefix, '--json']));
    const newKey = keep('rotated API key', rotated.apiKey.key);
    expect((await cli(['key', 'verify', '--key-stdin', '--scope', 'assets.read'], `${newKey}\n`)).exitCode).toBe(0);
  });

  it('…and a platform service token', async () => {
    const created = parseJson<{ serviceToken: { token?: string } }>(await cli(['token', 'create', '--name', 'http api', '--json']));
    keep('service token', created.serviceToken.token);
  });

  it('…and webhook signing secrets, made and given, and a Slack URL (its path is its secret)', async () => {
    const withToken = keep('webhook URL query token', 'QueryTokenSecret4242');
    const made = parseJson<{ webhook: { secret?: string } }>(
      await cli(['webhook', 'add', `https://hooks.example.com/made?token=${withToken}`, '--events', '*', '--json']),
    );
    keep('made webhook secret', made.webhook.secret);
    const given = keep('given webhook secret', `whsec_${Buffer.from('a given signing secret of 32 by').toString('base64')}`);
    expect((await cli(['webhook', 'add', 'https://hooks.example.com/given', '--events', 'tenant.*', '--secret-stdin'], `${given}\n`)).exitCode).toBe(0);
    const slack = keep('Slack webhook URL', 'https://hooks.slack.com/services/T0TEAM/B0HOOK/sLaCkSeCrEtPaTh4242');
    keep('Slack webhook path', 'sLaCkSeCrEtPaTh4242');
    expect((await cli(['webhook', 'add', slack, '--events', 'health.*'])).exitCode).toBe(0);
    // A plan names a Slack URL without its path.
    const plan = await cli(['doctor', '--notify', `${slack}-other`, '--dry-run']);
    expect(plan.stdout).toContain('Subscribe https://hooks.slack.com/services/T0TEAM/… to health.*');
    expect(plan.stdout).not.toContain('sLaCkSeCrEtPaTh4242');
  });

  it('appear nowhere: not in a dump of the database, the audit trail, the mail log or any file of the store', async () => {
    expect(secrets.size).toBe(15);
    // Each secret is checked whole and by its secret part (the prefix of an API key or service token is stored on purpose).
    const needles = [...secrets].flatMap(([label, value]) =>
      /^(tnt|tts|inv|whsec)_/.test(value)
        ? [
            [label, value],
            [`${label} (secret part)`, value.split('_').at(-1) ?? value],
          ]
        : [[label, value]],
    );
    const trail = (await cli(['audit', '--limit', '10000', '--json'])).stdout;
    expect((JSON.parse(trail) as { items: unknown[] }).items.length).toBeGreaterThan(20);
    const dump = JSON.stringify(await snapshotDatabase(database));
    const files = filesUnder(home).map((path) => [path, readFileSync(path).toString('latin1')] as const);
    expect(files.some(([path]) => path.endsWith('mail.log'))).toBe(true);
    // Positive controls: the search does find what is stored (an email), in the dump and, embedded, in the store's files.
    expect(dump).toContain('ana@two.test');
    if (database.kind === 'embedded') expect(files.some(([path, content]) => path.includes('pgdata') && content.includes('ana@two.test'))).toBe(true);
    const found: string[] = [];
    for (const [label, needle] of needles) {
      if (needle === undefined || needle.length < 12) throw new Error(`${label} is too short to search for`);
      if (dump.includes(needle)) found.push(`${label} in the database dump`);
      if (trail.includes(needle)) found.push(`${label} in the audit trail`);
      for (const [path, content] of files) if (content.includes(needle)) found.push(`${label} in ${path}`);
    }
    expect(found).toEqual([]);
  });
});
