import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, runCli, sqlOnDatabase, type CliResult, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { env: { ...database.env, TZ: 'UTC', ...env } });

interface Case {
  name: string;
  argv: string[];
  env?: Record<string, string>;
  exit: number;
  stdout?: (stdout: string) => void;
  stderr?: (stderr: string) => void;
}

const GLYPHS = /[✓✗★‖…!]/;
const lines = (text: string) => text.trimEnd().split('\n');
const json = <T>(stdout: string) => JSON.parse(stdout) as T;

beforeAll(async () => {
  database = await createTestDatabase();
  const tenants = [
    ['Straße Øresund Łódź', 'professional', []],
    ['東京株式会社', 'enterprise', ['--slug', 'tokyo-kk']],
    ['Party 🎉 Co', 'basic', []],
  ] as const;
  for (const [name, plan, slug] of tenants) {
    const run = await cli(['tenant', 'create', '--name', name, '--owner-email', `owner@${plan}.test`, '--plan', plan, ...slug]);
    expect(run.exitCode, run.stderr).toBe(0);
  }
  expect((await cli(['domain', 'add', 'party-co', 'party.example'])).exitCode).toBe(0);
});

afterAll(async () => {
  await database?.drop();
});

const cases: Case[] = [
  {
    name: 'slug suggest transliterates (ß → ss, Ø → o, Ł → l)',
    argv: ['slug', 'suggest', 'Straße Øresund Łódź Bank'],
    exit: 0,
    stdout: (out) => expect(lines(out)[0]).toBe('strasse-oresund-lodz-bank'),
  },
  {
    name: 'piped tenant list: tab-separated, a plain status word, no glyphs, ISO timestamps',
    argv: ['tenant', 'list'],
    exit: 0,
    stdout: (out) => {
      expect(out).not.toMatch(GLYPHS);
      expect(
        lines(out)
          .slice(1)
          .map((line) => line.split('\t')[2]),
      ).toEqual(['active', 'active', 'active']);
      expect(lines(out)[1]).toMatch(/\t\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    },
    stderr: (err) => expect(err).toBe(''),
  },
  {
    name: 'a cut page says so on stderr, with the cursor of the next page',
    argv: ['tenant', 'list', '--limit', '2'],
    exit: 0,
    stdout: (out) => expect(lines(out)).toHaveLength(3),
    stderr: (err) => expect(err).toContain('Showing 2 of 3 tenants: pass --all for every one, or --cursor strasse-oresund-lodz for the next page.'),
  },
  {
    name: 'the --json page carries total and nextCursor',
    argv: ['tenant', 'list', '--limit', '2', '--json'],
    exit: 0,
    stdout: (out) =>
      expect(json<{ items: { slug: string }[]; total: number; nextCursor: string }>(out)).toMatchObject({
        total: 3,
        nextCursor: 'strasse-oresund-lodz',
        items: [{ slug: 'party-co' }, { slug: 'strasse-oresund-lodz' }],
      }),
  },
  {
    name: 'the cursor reads the next page, the last one with nextCursor null',
    argv: ['tenant', 'list', '--limit', '2', '--cursor', 'strasse-oresund-lodz', '--json'],
    exit: 0,
    stdout: (out) =>
      expect(json<{ items: { slug: string }[]; nextCursor: null }>(out)).toMatchObject({ total: 3, nextCursor: null, items: [{ slug: 'tokyo-kk' }] }),
    stderr: (err) => expect(err).toBe(''),
  },
  {
    name: '--all reads every page and says nothing on stderr',
    argv: ['tenant', 'list', '--all', '--json'],
    exit: 0,
    stdout: (out) => expect(json<{ items: unknown[]; nextCursor: null }>(out)).toMatchObject({ total: 3, nextCursor: null, items: expect.any(Array) }),
    stderr: (err) => expect(err).toBe(''),
  },
  {
    name: '--all with --limit is refused, naming --all',
    argv: ['tenant', 'list', '--all', '--limit', '5'],
    exit: 3,
    stderr: (err) => expect(err).toContain('--all'),
  },
  {
    name: 'audit --json is the list envelope; a cut list says so on stderr',
    argv: ['audit', '--limit', '1', '--json'],
    exit: 0,
    stdout: (out) =>
      expect(json<{ items: unknown[]; nextCursor: null }>(out)).toEqual({ items: [expect.objectContaining({ action: expect.any(String) })], nextCursor: null }),
    stderr: (err) => expect(err).toMatch(/^Showing the newest 1 event; more match/),
  },
  ...(['domain', 'member', 'key', 'invite', 'role'] as const).map((noun): Case => ({
    name: `${noun} list --json is the list envelope`,
    argv: [noun, 'list', 'party-co', '--json'],
    exit: 0,
    stdout: (out) => expect(json<{ items: unknown[]; nextCursor: null }>(out)).toEqual({ items: expect.any(Array), nextCursor: null }),
  })),
  {
    name: 'piped domain list: plain words and the whole TXT record',
    argv: ['domain', 'list', 'party-co'],
    exit: 0,
    stdout: (out) => {
      expect(out).not.toMatch(GLYPHS);
      expect(out).toMatch(/\tunverified\t_tenantry\.party\.example = tenantry-verify=[0-9a-f]{32}$/m);
    },
  },
  {
    name: 'a setting key in snake_case or camelCase is accepted',
    argv: ['tenant', 'set', 'party-co', 'support_email=Help@Party.test', 'timeZone=Europe/Oslo', '--json'],
    exit: 0,
    stdout: (out) => expect(json<{ changes: { field: string }[] }>(out).changes.map((change) => change.field)).toEqual(['timeZone', 'supportEmail']),
  },
  {
    name: 'a bad value is named by the key as typed',
    argv: ['tenant', 'set', 'party-co', 'support_email=not-an-address'],
    exit: 3,
    stderr: (err) => {
      expect(err).toContain('support_email');
      expect(err).not.toContain('supportEmail');
    },
  },
  {
    name: 'invite send with the log-file mailer: "not sent", and the expiry in local time and relative',
    argv: ['invite', 'send', 'party-co', 'guest@party.test', '--role', 'viewer'],
    exit: 0,
    stdout: (out) => {
      expect(out).toMatch(/valid until \d{4}-\d\d-\d\d \d\d:\d\d UTC \(in 7 days\)/);
      expect(out).toMatch(/Mail: +not sent: written to the log file .*mail\.log/);
    },
    stderr: (err) => expect(err).toContain('No email went to guest@party.test'),
  },
  {
    name: 'dry-run SQL keeps its indentation under the step',
    argv: ['tenant', 'create', '--name', 'Indent Co', '--owner-email', 'o@indent.test', '--dry-run'],
    exit: 0,
    stdout: (out) => {
      const create = lines(out).findIndex((line) => /^ {7}create table assets \($/.test(line));
      expect(create).toBeGreaterThan(0);
      expect(lines(out)[create + 1]).toMatch(/^ {9}id uuid primary key/);
    },
  },
  {
    name: 'help: EXIT CODES aligned, 0 included',
    argv: ['tenant', 'list', '--help'],
    exit: 0,
    stdout: (out) => {
      const codes = out
        .slice(out.indexOf('EXIT CODES'))
        .split('\n')
        .slice(1)
        .filter((line) => /^ +\d+ {2}\S/.test(line));
      expect(codes.length).toBeGreaterThan(10);
      expect(new Set(codes.map((line) => line.search(/\d+ {2}\S/) + (line.match(/\d+/)?.[0].length ?? 0))).size).toBe(1);
    },
  },
];

describe('widths, text and scripts', { timeout: 240_000 }, () => {
  it.each(cases)('$name', async ({ argv, env, exit, stdout, stderr }) => {
    const run: CliResult = await cli(argv, env);
    expect(run.exitCode, `${run.stdout}\n${run.stderr}`).toBe(exit);
    stdout?.(run.stdout);
    stderr?.(run.stderr);
  });

  it('doctor: counts in the singular ("1 table", "1 warning") and a tenant no request can reach is an error', async () => {
    await sqlOnDatabase(database, 'create schema tenant_orphan_text');
    await sqlOnDatabase(database, 'create table tenant_orphan_text.things (id int)');
    await sqlOnDatabase(database, "delete from tenantry.domains where tenant_id = (select id from tenantry.tenants where slug = 'strasse-oresund-lodz')");
    const run = await cli(['doctor'], { TENANTRY_BASE_DOMAIN: 'tenants.test' });
    expect(run.stdout).toContain('Schema tenant_orphan_text (1 table) belongs to no tenant.');
    expect(run.stdout).toMatch(/✗ error +NO_PRIMARY_DOMAIN +strasse-oresund-lodz has no verified domain: no request can reach it\./);
    // party-co and tokyo-kk have no verified domain either (no domain, or a custom one not yet verified).
    expect(run.stdout).toMatch(/: 3 errors, 1 warning, /);
    expect(run.stdout).not.toMatch(/\(s\)/);
  });
});
