import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, rejectionOf, type TestDatabase } from '@tenantry/testing';
import { createTenantry, TenantryError, type Mailer, type MailMessage, type TenantryClient } from './index.ts';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A receiving server: answers each request with what `answer` says (default 204) and keeps every request. */
class Receiver {
  readonly received: Received[] = [];
  answer: (request: { path: string; body: string }) => number = () => 204;
  #server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.#server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const path = request.url ?? '';
        const status = this.answer({ path, body });
        this.received.push({ path, headers: request.headers, body, status });
        response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : `receiver down (${status})`);
      });
    });
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  on(path: string): Received[] {
    return this.received.filter((request) => request.path === path);
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.#server?.close(resolve));
  }
}

let testDatabase: TestDatabase;
let client: TenantryClient;
let clock = new Date('2026-12-01T09:00:00Z');
const receiver = new Receiver();
const mail: MailMessage[] = [];
const mailer: Mailer = {
  description: 'test mailer',
  send: async (message) => {
    mail.push(message);
    return { messageId: `m${mail.length}` };
  },
};

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  client = await createTenantry({ ...testDatabase.sdkOptions, now: () => clock, mailer });
  await receiver.start();
});

afterAll(async () => {
  await client?.close();
  await receiver.stop();
  await testDatabase?.drop();
});

const failure = (promise: Promise<unknown>) => rejectionOf(promise, TenantryError);
const later = (hours: number) => (clock = new Date(clock.getTime() + hours * 3_600_000));
const payloads = (path: string) => receiver.on(path).map((request) => JSON.parse(request.body) as { type: string; data: { tenant: { slug: string } | null } });

async function provision(slug: string) {
  await client.tenants.provision({ name: slug, slug, ownerEmail: `owner@${slug}.example`, ownerPassword: 'Owner-Password-1' });
}

describe('client.webhooks', () => {
  it('signs every delivery so the standardwebhooks library verifies it, and keeps the secret sealed, shown once', async () => {
    const planned = await client.webhooks.add({ url: `${receiver.url}/signed`, events: 'tenant.*,member.added' }, { dryRun: true });
    expect(planned).toMatchObject({ result: 'planned', webhook: { target: `${receiver.url}/signed` } });
    expect(planned.webhook.secret).toBeUndefined();
    expect(await client.webhooks.list()).toEqual([]);

    const added = await client.webhooks.add({ url: `${receiver.url}/signed`, events: 'tenant.*,member.added' });
    const secret = added.webhook.secret ?? '';
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(JSON.stringify(await client.webhooks.list())).not.toContain(secret);
    const stored = await client.audit.list({ limit: 500 });
    expect(JSON.stringify(stored)).not.toContain(secret.slice(6));

    await provision('signed-co');
    const run = await client.webhooks.deliver();
    expect(run).toMatchObject({ delivered: 2, retrying: 0, failed: 0, pending: 0 });
    const verifier = new Webhook(secret);
    const types = receiver.on('/signed').map((request) => {
      const headers = {
        'webhook-id': String(request.headers['webhook-id']),
        'webhook-timestamp': String(request.headers['webhook-timestamp']),
        'webhook-signature': String(request.headers['webhook-signature']),
      };
      // The library refuses timestamps more than 5 minutes from its own clock; the test's clock is fixed.
      expect(Math.abs(Number(headers['webhook-timestamp']) - clock.getTime() / 1000)).toBeLessThan(1);
      const verified = withClock(clock, () => verifier.verify(request.body, headers)) as { type: string; data: { eventId: string } };
      expect(verified.data.eventId).toBe(headers['webhook-id']);
      expect(() => withClock(clock, () => verifier.verify(request.body.replace('signed-co', 'forged-co'), headers))).toThrow();
      return verified.type;
    });
    expect(types).toEqual(['tenant.created', 'member.added']);
    expect((await client.webhooks.list())[0]).toMatchObject({ deliveries: { delivered: 2, pending: 0, failed: 0 }, lastAttempt: { statusCode: 204 } });
    await client.webhooks.remove({ id: added.webhook.id });
  });

  it('retries a receiver that fails with backoff until it recovers, keeping each tenant in order without holding up the others', async () => {
    const { webhook } = await client.webhooks.add({ url: `${receiver.url}/flaky`, events: 'tenant.*,member.*,plan.changed' });
    await provision('order-a');
    await provision('order-b');
    await client.plans.change({ slug: 'order-a', plan: 'professional' });
    let refusals = 2;
    receiver.answer = ({ path, body }) => (path === '/flaky' && body.includes('"order-a"') && refusals-- > 0 ? 503 : 204);

    const first = await client.webhooks.deliver();
    // order-a's first event failed and waits for its retry; its later events wait behind it; order-b went through.
    expect(first).toMatchObject({ retrying: 1, delivered: 2, pending: 3 });
    expect(payloads('/flaky').map((body) => `${body.data.tenant?.slug} ${body.type}`)).toEqual([
      'order-a tenant.created',
      'order-b tenant.created',
      'order-b member.added',
    ]);
    expect(Date.parse(first.nextAttemptAt ?? '') - clock.getTime()).toBeGreaterThanOrEqual(4_000);
    expect((await client.webhooks.deliver()).attempted).toBe(0);

    later(1);
    expect(await client.webhooks.deliver()).toMatchObject({ attempted: 1, retrying: 1 });
    later(1);
    expect(await client.webhooks.deliver()).toMatchObject({ delivered: 3, pending: 0 });
    const delivered = receiver
      .on('/flaky')
      .filter((request) => request.status === 204)
      .map((request) => JSON.parse(request.body) as { type: string; data: { tenant: { slug: string } } });
    expect(delivered.filter((body) => body.data.tenant.slug === 'order-a').map((body) => body.type)).toEqual([
      'tenant.created',
      'member.added',
      'plan.changed',
    ]);

    const [planChanged, memberAdded, created] = (await client.webhooks.deliveries({ endpoint: webhook.id })).filter(
      (delivery) => delivery.event.tenant === 'order-a',
    );
    expect(created?.attempts.map((attempt) => attempt.statusCode)).toEqual([503, 503, 204]);
    expect(created?.attempts[0]?.excerpt).toBe('receiver down (503)');
    expect(memberAdded?.attempts).toHaveLength(1);
    expect(planChanged).toMatchObject({ status: 'delivered', event: { type: 'plan.changed' } });
    await client.webhooks.remove({ id: webhook.id });
    receiver.answer = () => 204;
  });

  it('disables an endpoint that fails for its whole schedule, which the doctor reports; enabling sends what waited, in order', async () => {
    const { webhook } = await client.webhooks.add({ url: `${receiver.url}/down`, events: 'tenant.suspended,tenant.resumed' });
    await provision('down-co');
    receiver.answer = ({ path }) => (path === '/down' ? 500 : 204);
    await client.tenants.suspend({ slug: 'down-co', reason: 'unpaid' });
    let run = await client.webhooks.deliver();
    for (let round = 0; round < 12 && run.failed === 0; round += 1) {
      later(10);
      run = await client.webhooks.deliver();
    }
    expect(run).toMatchObject({ failed: 1, disabled: [{ id: webhook.id, reason: expect.stringContaining('11 of 11 attempts') }] });
    expect(receiver.on('/down')).toHaveLength(11);
    const [listed] = (await client.webhooks.list()).filter((row) => row.id === webhook.id);
    expect(listed).toMatchObject({ status: 'disabled', deliveries: { failed: 1 } });
    expect((await client.health.check()).findings.map((finding) => finding.code)).toContain('WEBHOOK_DISABLED');

    // Nothing is sent while it is off; the events wait.
    await client.tenants.resume({ slug: 'down-co' });
    later(10);
    expect((await client.webhooks.deliver()).attempted).toBe(0);
    expect(receiver.on('/down')).toHaveLength(11);

    receiver.answer = () => 204;
    const enabled = await client.webhooks.enable({ id: webhook.id });
    expect(enabled).toMatchObject({ result: 'applied', webhook: { status: 'enabled' } });
    expect(await client.webhooks.deliver()).toMatchObject({ delivered: 2, pending: 0 });
    expect(
      payloads('/down')
        .slice(-2)
        .map((body) => body.type),
    ).toEqual(['tenant.suspended', 'tenant.resumed']);
    expect((await client.health.check()).findings.map((finding) => finding.code)).not.toContain('WEBHOOK_DISABLED');
    expect((await client.webhooks.enable({ id: webhook.id })).result).toBe('unchanged');
    await client.webhooks.remove({ id: webhook.id });
  });

  it('replays an event with its original webhook-id, tests an endpoint, and speaks Slack and email', async () => {
    const { webhook } = await client.webhooks.add({ url: `${receiver.url}/replay`, events: 'tenant.created' });
    await provision('replay-co');
    await client.webhooks.deliver();
    const [first] = receiver.on('/replay');
    const { events } = await client.events.list({ type: 'tenant.created', tenant: 'replay-co' });
    const replayed = await client.webhooks.replay({ event: events[0]?.id ?? '' });
    expect(replayed).toMatchObject({ result: 'applied', queued: 1, event: { type: 'tenant.created' } });
    await client.webhooks.deliver();
    const [, second] = receiver.on('/replay');
    expect(second?.headers['webhook-id']).toBe(first?.headers['webhook-id']);
    expect((await failure(client.webhooks.replay({ event: '999999' }))).code).toBe('EVENT_NOT_FOUND');

    const tested = await client.webhooks.test({ id: webhook.id });
    expect(tested.outcome).toMatchObject({ ok: true, statusCode: 204 });
    expect(JSON.parse(receiver.on('/replay').at(-1)?.body ?? '{}')).toMatchObject({ type: 'webhook.test' });
    await client.webhooks.remove({ id: webhook.id });

    const slack = await client.webhooks.add({ url: `${receiver.url}/services/T000/B000/slack-secret-path`, events: 'tenant.created', kind: 'slack' });
    expect(slack.webhook).toMatchObject({ kind: 'slack', target: `${receiver.url}/services/T000/…` });
    expect(slack.webhook.secret).toBeUndefined();
    const email = await client.webhooks.add({ url: 'email:alerts@ops.example', events: 'tenant.created' });
    expect(email.webhook).toMatchObject({ kind: 'email', target: 'alerts@ops.example' });
    await provision('chatty-co');
    expect(await client.webhooks.deliver()).toMatchObject({ delivered: 2 });
    const [message] = receiver.on('/services/T000/B000/slack-secret-path');
    expect(JSON.parse(message?.body ?? '{}')).toEqual({ text: expect.stringContaining('tenant.created chatty-co') });
    expect(message?.headers['webhook-signature']).toBeUndefined();
    expect(mail.at(-1)).toMatchObject({ to: 'alerts@ops.example', subject: expect.stringContaining('tenant.created chatty-co') });
    expect(JSON.stringify(await client.webhooks.list())).not.toContain('slack-secret-path');
    await client.webhooks.remove({ id: slack.webhook.id });
    await client.webhooks.remove({ id: email.webhook.id });
  });

  it('two deliverers at once send each event once, each tenant in order', async () => {
    const { webhook } = await client.webhooks.add({ url: `${receiver.url}/twice`, events: 'tenant.*,member.added,plan.changed' });
    for (const slug of ['twice-a', 'twice-b']) {
      await provision(slug);
      await client.plans.change({ slug, plan: 'professional' });
    }
    const [one, two] = await Promise.all([client.webhooks.deliver(), client.webhooks.deliver()]);
    expect((one?.delivered ?? 0) + (two?.delivered ?? 0)).toBe(6);
    const sent = receiver.on('/twice');
    expect(new Set(sent.map((request) => request.headers['webhook-id'])).size).toBe(sent.length);
    for (const slug of ['twice-a', 'twice-b']) {
      expect(
        payloads('/twice')
          .filter((body) => body.data.tenant?.slug === slug)
          .map((body) => body.type),
      ).toEqual(['tenant.created', 'member.added', 'plan.changed']);
    }
    await client.webhooks.remove({ id: webhook.id });
  });

  it('keeps a URL sealed: a query is masked wherever it is shown, and user:pass@ is refused', async () => {
    const { webhook } = await client.webhooks.add({ url: `${receiver.url}/query?token=QueryTokenSecret42`, events: 'tenant.created' });
    expect(webhook.target).toBe(`${receiver.url}/query?…`);
    await provision('query-co');
    await client.webhooks.deliver();
    expect(receiver.on('/query?token=QueryTokenSecret42')).toHaveLength(1);
    expect(JSON.stringify([await client.webhooks.list(), await client.webhooks.deliveries(), await client.audit.list({ limit: 500 })])).not.toContain(
      'QueryTokenSecret42',
    );
    await client.webhooks.remove({ id: webhook.id });
    const refused = await failure(client.webhooks.add({ url: receiver.url.replace('http://', 'http://user:pass@'), events: '*' }));
    expect(refused.details).toMatchObject({ issues: [{ path: 'url', message: expect.stringContaining('user name or password') }] });
  });

  it('refuses tenant users, unknown event types, bad secrets and targets, naming the field', async () => {
    const owner = client.as('owner@signed-co.example');
    expect((await failure(owner.webhooks.add({ url: `${receiver.url}/x`, events: '*' }))).code).toBe('FORBIDDEN');
    expect((await failure(owner.webhooks.list())).code).toBe('FORBIDDEN');
    expect((await failure(owner.webhooks.deliver())).code).toBe('FORBIDDEN');
    const issues = async (input: Parameters<TenantryClient['webhooks']['add']>[0]) => (await failure(client.webhooks.add(input))).details;
    expect(await issues({ url: `${receiver.url}/x`, events: 'tenant.exploded' })).toMatchObject({
      issues: [{ path: 'events', message: expect.stringContaining('names no event type') }],
    });
    expect(await issues({ url: 'ftp://example.com/x', events: '*' })).toMatchObject({ issues: [{ path: 'url' }] });
    expect(await issues({ url: `${receiver.url}/x`, events: '*', secret: 'whsec_short' })).toMatchObject({ issues: [{ path: 'secret' }] });
    expect((await failure(client.webhooks.remove({ id: '0190a0a0-0000-7000-8000-000000000000' }))).code).toBe('WEBHOOK_NOT_FOUND');
    expect((await failure(client.webhooks.deliver({ endpoint: 'not-an-id' }))).details).toMatchObject({ issues: [{ path: 'endpoint' }] });
    expect((await failure(client.webhooks.deliver({ endpoint: '0190a0a0-0000-7000-8000-000000000000' }))).code).toBe('WEBHOOK_NOT_FOUND');
    expect(await client.webhooks.list()).toEqual([]);
  });
});

/** Runs `work` with Date.now() at `at`: standardwebhooks checks the timestamp against its own clock. */
function withClock<T>(at: Date, work: () => T): T {
  const real = Date.now;
  Date.now = () => at.getTime();
  try {
    return work();
  } finally {
    Date.now = real;
  }
}
