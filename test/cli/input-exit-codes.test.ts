import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'tenantry-inputs-'));
const allInvalid = join(dir, 'all-invalid.csv');
const oneValid = join(dir, 'one-valid.csv');
writeFileSync(allInvalid, 'name,owner_email\nFirst,not-an-email\nSecond,also-not-an-email\n');
writeFileSync(oneValid, 'name,owner_email\nGood Row,owner@good-row.test\nBad Row,not-an-email\n');

interface ErrorJson {
  error: { code: string; kind: string; details: { issues?: { flag: string }[]; flag?: string } };
}

/** Each plain input error: the exit code a script can trust, the code, and the flag or argument it names. */
const CASES: { what: string; argv: string[]; exit: number; code: string; names: string }[] = [
  { what: 'tenant set constructor=1', argv: ['tenant', 'set', 'inputs-co', 'constructor=1'], exit: 3, code: 'INVALID_INPUT', names: '<assignment>' },
  { what: 'tenant set __proto__=1', argv: ['tenant', 'set', 'inputs-co', '__proto__=1'], exit: 3, code: 'INVALID_INPUT', names: '<assignment>' },
  { what: 'create-bulk of a missing file', argv: ['tenant', 'create-bulk', join(dir, 'missing.csv')], exit: 5, code: 'FILE_NOT_FOUND', names: '<file>' },
  { what: 'create-bulk of a directory', argv: ['tenant', 'create-bulk', dir], exit: 3, code: 'INVALID_INPUT', names: '<file>' },
  { what: 'import of a missing file', argv: ['tenant', 'import', join(dir, 'missing.jsonl')], exit: 5, code: 'FILE_NOT_FOUND', names: '<file>' },
  { what: 'import of a directory', argv: ['tenant', 'import', dir], exit: 3, code: 'INVALID_INPUT', names: '<file>' },
  { what: 'export --out a directory', argv: ['tenant', 'export', 'inputs-co', '--out', dir], exit: 3, code: 'INVALID_INPUT', names: '--out' },
  {
    what: 'export --out in a missing directory',
    argv: ['tenant', 'export', 'inputs-co', '--out', join(dir, 'nowhere', 'x.jsonl')],
    exit: 3,
    code: 'INVALID_INPUT',
    names: '--out',
  },
  {
    what: '--owner-passwords nonee',
    argv: ['tenant', 'create-bulk', oneValid, '--owner-passwords', 'nonee'],
    exit: 3,
    code: 'INVALID_INPUT',
    names: '--owner-passwords',
  },
  { what: '--format xml', argv: ['tenant', 'create-bulk', oneValid, '--format', 'xml'], exit: 3, code: 'INVALID_INPUT', names: '--format' },
  { what: 'doctor --min-severity loud', argv: ['doctor', '--min-severity', 'loud'], exit: 3, code: 'INVALID_INPUT', names: '--min-severity' },
  {
    what: 'a reason with ANSI escapes',
    argv: ['tenant', 'suspend', 'inputs-co', '--reason', '\u001b[2J\u001b[Hgone'],
    exit: 3,
    code: 'INVALID_INPUT',
    names: '--reason',
  },
  { what: 'a reason with a bell', argv: ['tenant', 'suspend', 'inputs-co', '--reason', 'ring\u0007'], exit: 3, code: 'INVALID_INPUT', names: '--reason' },
  { what: 'invalid punycode as a domain', argv: ['domain', 'add', 'inputs-co', 'xn--zz.org'], exit: 3, code: 'INVALID_INPUT', names: '<hostname>' },
  { what: 'slug suggest --count 21', argv: ['slug', 'suggest', 'Acme', '--count', '21'], exit: 3, code: 'INVALID_INPUT', names: '--count' },
  { what: 'slug suggest --count 0', argv: ['slug', 'suggest', 'Acme', '--count', '0'], exit: 3, code: 'INVALID_INPUT', names: '--count' },
  { what: 'a bulk file whose every row is invalid', argv: ['tenant', 'create-bulk', allInvalid], exit: 3, code: '', names: '' },
];

beforeAll(async () => {
  database = await createTestDatabase();
  const seeded = await runCli(['tenant', 'create', '--name', 'Inputs Co', '--owner-email', 'owner@inputs.test'], { env: database.env });
  expect(seeded.exitCode).toBe(0);
});

afterAll(async () => {
  await database?.drop();
});

describe('plain input errors get the exit code of their kind, naming the argument', () => {
  it.each(CASES)('$what: exit $exit', async ({ argv, exit, code, names }) => {
    const run = await runCli([...argv, '--json'], { env: database.env });
    expect(run.exitCode).toBe(exit);
    if (!code) return;
    const { error } = parseJson<ErrorJson>(run);
    expect(error.code).toBe(code);
    const labels = [...(error.details.issues ?? []).map((issue) => issue.flag), error.details.flag];
    expect(labels).toContain(names);
  });

  it('a bulk file with a valid row and an invalid one still exits 8', async () => {
    const run = await runCli(['tenant', 'create-bulk', oneValid, '--json'], { env: database.env });
    expect(run.exitCode).toBe(8);
  });

  it('without --json the message names the argument, with no stack trace', async () => {
    const run = await runCli(['tenant', 'create-bulk', join(dir, 'missing.csv')], { env: database.env });
    expect(run.exitCode).toBe(5);
    expect(run.stderr).toContain('<file>');
    expect(run.stderr).toContain('FILE_NOT_FOUND');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
