import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, startSmtpSink, type SmtpSink, type TestDatabase } from '@tenantry/testing';
import { createTenantry } from '../client.ts';
import { createLogFileMailer } from './log-file-mailer.ts';
import { createSmtpMailer, describeSmtpUrl } from './smtp-mailer.ts';

let testDatabase: TestDatabase;
let sink: SmtpSink;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink?.close();
  await testDatabase?.drop();
});

const home = () => mkdtempSync(join(tmpdir(), 'tenantry-mail-'));
/** The embedded store lives in its home, so the mail log goes there too; a server leaves home free. */
const clientHome = () => ('home' in testDatabase.sdkOptions ? testDatabase.sdkOptions.home : home());

describe('createLogFileMailer', () => {
  it('appends one JSON line per message, with the secrets masked', async () => {
    const path = join(home(), 'nested', 'mail.log');
    const mailer = createLogFileMailer(path, () => new Date('2026-11-23T10:00:00Z'));
    await mailer.send({ to: 'a@example.com', subject: 'Hi', text: 'token: inv_SECRET1', secrets: ['inv_SECRET1'] });
    await mailer.send({ to: 'b@example.com', subject: 'Again', text: 'plain', secrets: [] });
    const lines = readFileSync(path, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, string>);
    expect(lines).toEqual([
      { at: '2026-11-23T10:00:00.000Z', to: 'a@example.com', subject: 'Hi', text: 'token: [secret withheld: shown once to the sender]' },
      { at: '2026-11-23T10:00:00.000Z', to: 'b@example.com', subject: 'Again', text: 'plain' },
    ]);
    expect(mailer.description).toBe(`log file ${path}`);
  });
});

describe('createSmtpMailer', () => {
  it('delivers to an SMTP server with the From header and the full text', async () => {
    const mailer = createSmtpMailer({ url: sink.url, from: 'Ops <ops@example.com>' });
    const before = sink.messages.length;
    await mailer.send({ to: 'c@example.com', subject: 'Direct', text: 'the secret inv_ABC is here', secrets: ['inv_ABC'] });
    const [message] = (await sink.waitFor(before + 1)).slice(before);
    expect(message).toMatchObject({ from: 'ops@example.com', to: ['c@example.com'] });
    expect(message?.raw).toContain('Subject: Direct');
    expect(message?.raw).toContain('the secret inv_ABC is here');
  });

  it('describes its server without credentials', () => {
    expect(describeSmtpUrl('smtp://user:s3cret@mail.example.com:587')).toBe('smtp://mail.example.com:587');
  });
});

describe('the client mailer', () => {
  it('sends invitations over SMTP when smtpUrl is set', async () => {
    await using client = await createTenantry({ ...testDatabase.sdkOptions, home: clientHome(), smtpUrl: sink.url, mailFrom: 'Tenantry <t@example.com>' });
    await client.tenants.provision({ name: 'Mail Co', slug: 'mail-co', ownerEmail: 'owner@mail.example', ownerPassword: 'Owner-Password-1' });
    const before = sink.messages.length;
    const sent = await client.invitations.send({ slug: 'mail-co', email: 'invitee@mail.example', role: 'viewer' });
    expect(sent.delivery).toEqual({ messageId: expect.any(String), recipient: 'invitee@mail.example', status: 'sent', detail: sink.url });
    const [message] = (await sink.waitFor(before + 1)).slice(before);
    expect(message?.to).toEqual(['invitee@mail.example']);
    expect(message?.raw).toContain(sent.invitation.token);
  });

  it('writes to <home>/mail.log by default, without the token', async () => {
    const dir = clientHome();
    await using client = await createTenantry({ ...testDatabase.sdkOptions, home: dir, env: {} });
    await client.tenants.provision({ name: 'Log Co', slug: 'log-co', ownerEmail: 'owner@log.example', ownerPassword: 'Owner-Password-1' });
    const sent = await client.invitations.send({ slug: 'log-co', email: 'invitee@log.example' });
    expect(sent.delivery?.status).toBe('logged');
    const log = readFileSync(join(dir, 'mail.log'), 'utf8');
    expect(log).toContain('invitee@log.example');
    expect(log).not.toContain(sent.invitation.token);
  });

  it('refuses an SMTP URL that is not one, naming the option', async () => {
    await expect(createTenantry({ smtpUrl: 'http://mail', env: {} })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [expect.objectContaining({ path: 'smtpUrl' })] },
    });
  });
});
