import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, startSmtpSink, type SmtpSink, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
let home: string;
let sink: SmtpSink;
const cli = (args: string[], options: { input?: string; env?: Record<string, string> } = {}) =>
  runCli(args, { env: { ...database.env, TENANTRY_HOME: home, ...options.env }, ...(options.input === undefined ? {} : { input: options.input }) });

interface SendJson {
  result: string;
  action: string;
  invitation: { email: string; role: string | null; state: string; sendCount: number; token?: string };
  delivery: { status: string; detail: string } | null;
}

beforeAll(async () => {
  database = await createTestDatabase();
  // The embedded store lives in its home; with a server, a private home keeps mail.log out of ~.
  home = database.env.TENANTRY_HOME ?? mkdtempSync(join(tmpdir(), 'tenantry-cli-home-'));
  sink = await startSmtpSink();
  expect(
    (await cli(['tenant', 'create', '--name', 'Invite Co', '--slug', 'invite-co', '--owner-email', 'owner@invite.test', '--max-users', '3', '--json']))
      .exitCode,
  ).toBe(0);
});

afterAll(async () => {
  await sink?.close();
  await database?.drop();
});

describe('tenantry invite', { timeout: 240_000 }, () => {
  it('send prints the token once in JSON and logs the mail to $TENANTRY_HOME/mail.log without it', async () => {
    const run = await cli(['invite', 'send', 'invite-co', 'Ana@Invite.test', '--role', 'analyst', '--json']);
    expect(run.exitCode).toBe(0);
    const json = parseJson<SendJson>(run);
    expect(json).toMatchObject({
      result: 'applied',
      action: 'created',
      invitation: { email: 'ana@invite.test', role: 'analyst', state: 'pending' },
      delivery: { status: 'logged' },
    });
    expect(json.invitation.token).toMatch(/^inv_/);
    const log = readFileSync(join(home, 'mail.log'), 'utf8');
    expect(log).toContain('ana@invite.test');
    expect(log).not.toContain(json.invitation.token);
  });

  it('send again rotates; resend too; the human output shows the token marked as shown once', async () => {
    const again = parseJson<SendJson>(await cli(['invite', 'send', 'invite-co', 'ana@invite.test', '--json']));
    expect(again).toMatchObject({ action: 'rotated', invitation: { role: 'analyst', sendCount: 2 } });
    const resend = await cli(['invite', 'resend', 'invite-co', 'ana@invite.test', '--expires-days', '30']);
    expect(resend.exitCode).toBe(0);
    expect(resend.stdout).toContain('Sent a new token to ana@invite.test');
    expect(resend.stdout).toMatch(/Token: +inv_\w{40} +\(shown once/);
    const list = await cli(['invite', 'list', 'invite-co']);
    expect(
      list.stdout
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((line) =>
          line
            .split('\t')
            .slice(0, 3)
            .concat(line.split('\t')[4] ?? ''),
        ),
    ).toEqual([['ana@invite.test', 'analyst', 'pending', '3']]);
  });

  it('delivers over SMTP when TENANTRY_SMTP_URL is set', async () => {
    const before = sink.messages.length;
    const run = await cli(['invite', 'send', 'invite-co', 'bo@invite.test', '--json'], { env: { TENANTRY_SMTP_URL: sink.url } });
    const json = parseJson<SendJson>(run);
    expect(json.delivery).toMatchObject({ status: 'sent', detail: sink.url });
    const [message] = (await sink.waitFor(before + 1)).slice(before);
    expect(message?.to).toEqual(['bo@invite.test']);
    expect(message?.raw).toContain(json.invitation.token);
  });

  it('refuses past the user limit with the numbers (exit 7), and a bad expiry naming the flag (exit 3)', async () => {
    const full = await cli(['invite', 'send', 'invite-co', 'cy@invite.test', '--json']);
    expect(full.exitCode).toBe(7);
    expect(parseJson(full)).toEqual({
      error: expect.objectContaining({ code: 'LIMIT_EXCEEDED', details: { slug: 'invite-co', limit: 'maxUsers', max: 3, used: 3 } }),
    });
    const bad = await cli(['invite', 'send', 'invite-co', 'cy@invite.test', '--expires-days', '31']);
    expect(bad.exitCode).toBe(3);
    expect(bad.stderr).toContain('--expires-days');
  });

  it('revoke frees the seat; accepting a revoked token is refused (exit 7)', async () => {
    const token = parseJson<SendJson>(await cli(['invite', 'resend', 'invite-co', 'bo@invite.test', '--json'])).invitation.token ?? '';
    expect((await cli(['invite', 'revoke', 'invite-co', 'bo@invite.test'])).exitCode).toBe(0);
    const refused = await cli(['invite', 'accept', token, '--password-stdin', '--json'], { input: 'Strong-Password-42\n' });
    expect(refused.exitCode).toBe(7);
    expect(parseJson(refused)).toEqual({ error: expect.objectContaining({ code: 'INVITATION_REVOKED' }) });
  });

  it('accept needs a password: never a prompt on a pipe, and it must meet the policy', async () => {
    const token = parseJson<SendJson>(await cli(['invite', 'resend', 'invite-co', 'ana@invite.test', '--json'])).invitation.token ?? '';
    const missing = await cli(['invite', 'accept', token]);
    expect(missing.exitCode).toBe(3);
    expect(missing.stderr).toContain('--password');
    const weak = await cli(['invite', 'accept', token, '--password-stdin'], { input: 'weak\n' });
    expect(weak.exitCode).toBe(3);
  });

  it('accept creates the member with the role; accepting again or an unknown token is refused', async () => {
    const token = parseJson<SendJson>(await cli(['invite', 'resend', 'invite-co', 'ana@invite.test', '--json'])).invitation.token ?? '';
    const accepted = await cli(['invite', 'accept', token, '--password-stdin', '--name', 'Ana Lima', '--json'], { input: 'Strong-Password-42\n' });
    expect(accepted.exitCode).toBe(0);
    expect(parseJson(accepted)).toMatchObject({ tenantSlug: 'invite-co', email: 'ana@invite.test', role: 'analyst', existingUser: false });
    const again = await cli(['invite', 'accept', token, '--password-stdin'], { input: 'Strong-Password-42\n' });
    expect(again.exitCode).toBe(6);
    expect(again.stderr).toContain('INVITATION_ALREADY_ACCEPTED');
    const unknown = await cli(['invite', 'accept', 'inv_unknown', '--password', 'Strong-Password-42']);
    expect(unknown.exitCode).toBe(5);
    const members = parseJson<{ items: { email: string; roles: string[]; name: string | null }[] }>(await cli(['member', 'list', 'invite-co', '--json'])).items;
    expect(members.map((member) => [member.email, member.name, member.roles])).toEqual([
      ['owner@invite.test', null, ['owner']],
      ['ana@invite.test', 'Ana Lima', ['analyst']],
    ]);
  });

  it('an invited member can be given roles and removed', async () => {
    expect((await cli(['role', 'grant', 'invite-co', 'ana@invite.test', 'admin'])).exitCode).toBe(0);
    expect((await cli(['role', 'revoke', 'invite-co', 'ana@invite.test', 'analyst'])).exitCode).toBe(0);
    const removed = await cli(['member', 'remove', 'invite-co', 'ana@invite.test']);
    expect(removed.exitCode).toBe(0);
    expect(removed.stdout).toContain('✓ Removed ana@invite.test from invite-co');
  });
});
