import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { createTenantry, type TenantryClient } from '@tenantry/sdk';
import type { FastifyInstance } from 'fastify';
import { createServer, type ServerOptions } from './index.ts';

let testDatabase: TestDatabase;
let client: TenantryClient;
let server: FastifyInstance;
let base: string;
let token: string;
const logLines: string[] = [];

async function start(options: ServerOptions = {}): Promise<{ app: FastifyInstance; url: string }> {
  const app = await createServer(client, { log: false, ...options });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url };
}

interface Answer {
  status: number;
  type: string | null;
  headers: Headers;
  body: Record<string, unknown>;
}

async function call(
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; auth?: string | null; at?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers };
  const credential = options.auth === undefined ? token : options.auth;
  if (credential !== null) headers.authorization = `Bearer ${credential}`;
  const response = await fetch(`${options.at ?? base}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

const asUser = (email: string) => ({ 'tenantry-act-as': email });

/** How far the server's clock is ahead of the real one (an invitation's expiry). */
let clockAheadMs = 0;

async function tenantCount(): Promise<number> {
  return (await client.tenants.list({ limit: 1 })).total;
}

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  client = await createTenantry({ ...testDatabase.sdkOptions, now: () => new Date(Date.now() + clockAheadMs) });
  const created = await client.tokens.create({ name: 'http tests' });
  token = String(created.serviceToken.token);
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => logLines.push(...chunk.toString().split('\n').filter(Boolean)));
  server = await createServer(client, { log: { stream } });
  base = await server.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await server?.close();
  await client?.close();
  await testDatabase?.drop();
});

describe('the server', () => {
  it('answers /healthz and /readyz, and an unknown route as a problem', async () => {
    expect((await call('GET', '/healthz', { auth: null })).body).toEqual({ status: 'ok' });
    expect((await call('GET', '/readyz', { auth: null })).body).toEqual({ status: 'ready' });
    const missing = await call('GET', '/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.type).toContain('application/problem+json');
    expect(missing.body).toMatchObject({ status: 404, code: 'NOT_FOUND', kind: 'not_found', instance: '/v1/nothing-here' });
  });

  it('refuses a call without a credential, or with an unknown one (401), writing nothing', async () => {
    const before = await tenantCount();
    const none = await call('POST', '/v1/tenants', { auth: null, body: { name: 'Nobody', ownerEmail: 'owner@nobody.example' } });
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ code: 'UNAUTHENTICATED', kind: 'unauthenticated' });
    const wrong = await call('GET', '/v1/tenants', { auth: 'tts_abcdefgh_notasecretthatexists0000000000' });
    expect(wrong.status).toBe(401);
    expect(await tenantCount()).toBe(before);
  });

  it('provisions with the SDK’s field names, gets and lists with a cursor', async () => {
    const created = await call('POST', '/v1/tenants', {
      body: { name: 'Http Acme', slug: 'http-acme', ownerEmail: 'owner@http-acme.example', plan: 'professional' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ result: 'created', tenant: { slug: 'http-acme', plan: 'professional' }, owner: { email: 'owner@http-acme.example' } });
    expect((created.body.owner as { oneTimePassword?: string }).oneTimePassword).toMatch(/.{16,}/);
    await call('POST', '/v1/tenants', { body: { name: 'Http Beta', slug: 'http-beta', ownerEmail: 'owner@http-beta.example' } });
    const fetched = await call('GET', '/v1/tenants/http-acme');
    expect(fetched.body).toMatchObject({ slug: 'http-acme', name: 'Http Acme' });
    const first = await call('GET', '/v1/tenants?limit=1&search=http-');
    expect(first.body).toMatchObject({ total: 2, items: [{ slug: 'http-acme' }] });
    const second = await call('GET', `/v1/tenants?limit=1&search=http-&cursor=${String(first.body.nextCursor)}`);
    expect(second.body).toMatchObject({ items: [{ slug: 'http-beta' }], nextCursor: null });
    const bad = await call('GET', '/v1/tenants?limit=zero');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [expect.objectContaining({ path: 'limit' })] } });
    expect((await call('GET', '/v1/tenants/no-such-tenant')).body).toMatchObject({ status: 404, code: 'TENANT_NOT_FOUND' });
    const events = await call('GET', '/v1/events?type=tenant.*&tenant=http-acme');
    expect((events.body.events as { type: string }[]).map((event) => event.type)).toContain('tenant.created');
  });

  it('serves its OpenAPI document', async () => {
    const served = await call('GET', '/v1/openapi.json');
    expect(served.body).toMatchObject({ openapi: '3.1.0', paths: { '/v1/tenants': { post: { operationId: 'tenantProvision' } } } });
  });

  it('answers a dry run’s plan with its fingerprint as ETag; If-Match applies it, or 412 when the state moved', async () => {
    const planned = await call('POST', '/v1/tenants/http-acme/suspend?dryRun=true', { body: { reason: 'billing' } });
    expect(planned.status).toBe(200);
    expect(planned.body).toMatchObject({ result: 'planned' });
    const fingerprint = String(planned.body.fingerprint);
    expect(planned.headers.get('etag')).toBe(`"${fingerprint}"`);
    expect((await call('GET', '/v1/tenants/http-acme')).body).toMatchObject({ status: 'active' });
    await call('PATCH', '/v1/tenants/http-acme/settings', { body: { supportEmail: 'help@http-acme.example' } });
    const stale = await call('POST', '/v1/tenants/http-acme/suspend', { body: { reason: 'billing' }, headers: { 'if-match': `"${fingerprint}"` } });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'PLAN_STALE', kind: 'plan_stale' });
    expect((await call('GET', '/v1/tenants/http-acme')).body).toMatchObject({ status: 'active' });
    const again = await call('POST', '/v1/tenants/http-acme/suspend?dryRun=true', { body: { reason: 'billing' } });
    const applied = await call('POST', '/v1/tenants/http-acme/suspend', {
      body: { reason: 'billing' },
      headers: { 'if-match': String(again.headers.get('etag')) },
    });
    expect(applied.body).toMatchObject({ result: 'applied' });
    expect((await call('POST', '/v1/tenants/http-acme/resume', { body: {} })).body).toMatchObject({ result: 'applied' });
  });

  it('seeds demo data later: the plan on a dry run, 201 once applied, then 422 naming the tables that hold rows', async () => {
    await call('POST', '/v1/tenants', { body: { name: 'Later Demo', slug: 'later-demo', ownerEmail: 'owner@later-demo.example', skipDemoData: true } });
    const planned = await call('POST', '/v1/tenants/later-demo/demo-data?dryRun=true', { body: {} });
    expect(planned.status).toBe(200);
    expect(planned.body).toMatchObject({ result: 'planned', steps: [{ action: 'seed-demo-data' }, { action: 'audit' }] });
    expect(planned.body.tables).toEqual(['assets', 'devices', 'qr_contents'].map((table) => ({ table, before: 0, after: null, added: null })));
    const applied = await call('POST', '/v1/tenants/later-demo/demo-data', { body: {}, headers: { 'if-match': String(planned.headers.get('etag')) } });
    expect(applied.status).toBe(201);
    expect(applied.body.tables).toEqual([
      { table: 'assets', before: 0, after: 3, added: 3 },
      { table: 'devices', before: 0, after: 2, added: 2 },
      { table: 'qr_contents', before: 0, after: 2, added: 2 },
    ]);
    const refused = await call('POST', '/v1/tenants/later-demo/demo-data', { body: {} });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'DATA_SPACE_NOT_EMPTY',
      details: {
        tables: [
          { table: 'assets', rows: 3 },
          { table: 'devices', rows: 2 },
          { table: 'qr_contents', rows: 2 },
        ],
      },
    });
  });

  it('replays the first response to an Idempotency-Key, secrets redacted, and refuses the key with another body (422)', async () => {
    const body = { name: 'Http Once', slug: 'http-once', ownerEmail: 'owner@http-once.example' };
    const headers = { 'idempotency-key': 'provision-http-once-1' };
    const first = await call('POST', '/v1/tenants', { body, headers });
    expect(first.status).toBe(201);
    const password = String((first.body.owner as { oneTimePassword: string }).oneTimePassword);
    const tenants = await tenantCount();
    const replay = await call('POST', '/v1/tenants', { body, headers });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toMatchObject({ result: 'created', tenant: { slug: 'http-once' }, owner: { oneTimePassword: '[redacted]' } });
    expect(await tenantCount()).toBe(tenants);
    const other = await call('POST', '/v1/tenants', { body: { ...body, name: 'Http Twice' }, headers });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(JSON.stringify(replay.body)).not.toContain(password);
  });

  it('refuses a body over the limit and one that is not JSON, naming the body', async () => {
    const large = await call('POST', '/v1/tenants', { body: { name: 'x'.repeat(1_100_000), ownerEmail: 'a@b.example' } });
    expect(large.status).toBe(400);
    expect(large.body).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [expect.objectContaining({ path: 'body' })] } });
    const broken = await call('POST', '/v1/tenants', { body: '{"name": ' });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('seed 004: invitations and roles over HTTP', () => {
  let invitationToken: string;

  beforeAll(async () => {
    await call('POST', '/v1/tenants', { body: { name: 'Seed Four', slug: 'seed-four', ownerEmail: 'owner@seed-four.example', plan: 'professional' } });
    await client.invitations.send({ slug: 'seed-four', email: 'admin@seed-four.example', role: 'admin' }).then(async ({ invitation }) => {
      await client.invitations.accept({ token: String(invitation.token), password: 'Admin-Pass-2026!x' });
    });
    await client.invitations.send({ slug: 'seed-four', email: 'analyst@seed-four.example', role: 'analyst' }).then(async ({ invitation }) => {
      await client.invitations.accept({ token: String(invitation.token), password: 'Analyst-Pass-2026!x' });
    });
  });

  it('an admin invites (the token shown once); an analyst gets 403 and nothing is written', async () => {
    const invited = await call('POST', '/v1/tenants/seed-four/invitations', {
      body: { email: 'new@seed-four.example', role: 'viewer' },
      headers: asUser('admin@seed-four.example'),
    });
    expect(invited.status).toBe(201);
    const invitation = invited.body.invitation as { email: string; token: string };
    expect(invitation.email).toBe('new@seed-four.example');
    invitationToken = invitation.token;
    expect(invitationToken).toMatch(/.{20,}/);
    const before = (await client.invitations.list({ slug: 'seed-four' })).length;
    const refused = await call('POST', '/v1/tenants/seed-four/invitations', {
      body: { email: 'other@seed-four.example' },
      headers: asUser('analyst@seed-four.example'),
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN', kind: 'forbidden' });
    expect(await client.invitations.list({ slug: 'seed-four' })).toHaveLength(before);
  });

  it('accepts with the token and no credential; a reused or expired token is refused', async () => {
    const accepted = await call('POST', '/v1/invitations/accept', {
      auth: null,
      body: { token: invitationToken, password: 'Newcomer-Pass-2026!x', name: 'New Comer' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ result: 'applied' });
    const reused = await call('POST', '/v1/invitations/accept', { auth: null, body: { token: invitationToken, password: 'Newcomer-Pass-2026!x' } });
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ code: 'INVITATION_ALREADY_ACCEPTED' });
    const { invitation } = await client.invitations.send({ slug: 'seed-four', email: 'late@seed-four.example', expiresDays: 1 });
    clockAheadMs = 3 * 86_400_000;
    try {
      const expired = await call('POST', '/v1/invitations/accept', { auth: null, body: { token: String(invitation.token), password: 'Late-Pass-2026!xx' } });
      expect(expired.status).toBe(422);
      expect(expired.body).toMatchObject({ code: 'INVITATION_EXPIRED', kind: 'precondition_failed' });
    } finally {
      clockAheadMs = 0;
    }
  });

  it('refuses to invite an email that is already a member (409)', async () => {
    const duplicate = await call('POST', '/v1/tenants/seed-four/invitations', {
      body: { email: 'analyst@seed-four.example' },
      headers: asUser('admin@seed-four.example'),
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'ALREADY_MEMBER', kind: 'conflict' });
  });

  it('grants by user id, lists assignments with ids, and revokes by id', async () => {
    const members = (await call('GET', '/v1/tenants/seed-four/members')).body as unknown as { userId: string; email: string }[];
    const newcomer = members.find((member) => member.email === 'new@seed-four.example');
    const granted = await call('POST', '/v1/tenants/seed-four/roles', {
      body: { userId: newcomer?.userId, role: 'analyst' },
      headers: asUser('admin@seed-four.example'),
    });
    expect(granted.status).toBe(201);
    const roles = (await call('GET', '/v1/tenants/seed-four/roles')).body as unknown as { id: string; email: string; role: string }[];
    const assignment = roles.find((row) => row.email === 'new@seed-four.example' && row.role === 'analyst');
    expect(assignment?.id).toBe(`${newcomer?.userId}:analyst`);
    const revoked = await call('DELETE', `/v1/tenants/seed-four/roles/${assignment?.id}`, { headers: asUser('admin@seed-four.example') });
    expect(revoked.body).toMatchObject({ result: 'applied' });
    const after = (await call('GET', '/v1/tenants/seed-four/roles')).body as unknown as { id: string }[];
    expect(after.map((row) => row.id)).not.toContain(assignment?.id);
    const lastOwner = roles.find((row) => row.role === 'owner');
    const refused = await call('DELETE', `/v1/tenants/seed-four/roles/${lastOwner?.id}`);
    expect(refused.body).toMatchObject({ status: 422, code: 'LAST_OWNER' });
  });
});

describe('a tenant’s API key', () => {
  it('acts in its own tenant within its scopes only', async () => {
    const { apiKey } = await client.apiKeys.create({ slug: 'seed-four', name: 'members reader', scopes: ['tenantry.member.list', 'assets.read'] });
    const key = String(apiKey.key);
    expect((await call('GET', '/v1/tenants/seed-four/members', { auth: key })).status).toBe(200);
    expect((await call('GET', '/v1/tenants/http-acme/members', { auth: key })).body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect((await call('GET', '/v1/tenants/seed-four/domains', { auth: key })).body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect((await call('GET', '/v1/tenants', { auth: key })).body).toMatchObject({ status: 403 });
    const actAs = await call('GET', '/v1/tenants/seed-four/members', { auth: key, headers: asUser('owner@seed-four.example') });
    expect(actAs.body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    await client.apiKeys.revoke({ slug: 'seed-four', prefix: apiKey.prefix });
    expect((await call('GET', '/v1/tenants/seed-four/members', { auth: key })).body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });
});

describe('webhooks over HTTP', () => {
  it('subscribes (201, the secret once), lists without it, tests, replays and removes; a tenant key gets 403', async () => {
    const received: { body: string; signature: string | null }[] = [];
    const hook = createHttpServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({ body, signature: typeof request.headers['webhook-signature'] === 'string' ? request.headers['webhook-signature'] : null });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    try {
      const added = await call('POST', '/v1/webhooks', { body: { url, events: 'tenant.*' } });
      expect(added.status).toBe(201);
      const webhook = added.body.webhook as { id: string; secret: string };
      expect(webhook.secret).toMatch(/^whsec_/);
      const listed = await call('GET', '/v1/webhooks');
      expect(JSON.stringify(listed.body)).not.toContain(webhook.secret);
      expect(listed.body).toEqual([expect.objectContaining({ id: webhook.id, target: url, status: 'enabled' })]);

      const tested = await call('POST', `/v1/webhooks/${webhook.id}/test`);
      expect(tested.body).toMatchObject({ outcome: { ok: true, statusCode: 204 } });
      expect(received.at(-1)?.signature).toMatch(/^v1,/);

      await call('POST', '/v1/tenants', { body: { name: 'Hooked Http', ownerEmail: 'owner@hooked-http.example' } });
      await client.webhooks.deliver();
      const deliveries = await call('GET', `/v1/webhooks/deliveries?endpoint=${webhook.id}&limit=10`);
      const [delivery] = deliveries.body as unknown as { event: { id: string; type: string }; status: string }[];
      expect(delivery).toMatchObject({ event: { type: 'tenant.created' }, status: 'delivered' });
      const replay = await call('POST', `/v1/events/${delivery?.event.id ?? ''}/replay?dryRun=true`, { body: {} });
      expect(replay.body).toMatchObject({ result: 'planned', queued: 0 });
      expect((await call('POST', `/v1/events/${delivery?.event.id ?? ''}/replay`, { body: {} })).body).toMatchObject({ result: 'applied', queued: 1 });

      const { apiKey } = await client.apiKeys.create({ slug: 'seed-four', name: 'hooks', scopes: ['tenantry.member.list'] });
      expect((await call('GET', '/v1/webhooks', { auth: String(apiKey.key) })).body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      expect((await call('POST', '/v1/webhooks', { auth: String(apiKey.key), body: { url, events: '*' } })).body).toMatchObject({ status: 403 });
      expect((await call('POST', '/v1/webhooks', { body: { url, events: 'tenant.nope' } })).body).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
      expect((await call('DELETE', `/v1/webhooks/${webhook.id}`)).body).toMatchObject({ result: 'applied' });
      expect((await call('DELETE', `/v1/webhooks/${webhook.id}`)).body).toMatchObject({ status: 404, code: 'WEBHOOK_NOT_FOUND' });
    } finally {
      await new Promise((resolve) => hook.close(resolve));
    }
  });
});

describe('sign-up', () => {
  const visitor = { name: 'Signed Up', slug: 'signed-up', ownerEmail: 'founder@signed-up.example', ownerPassword: 'Founder-Pass-2026!x' };

  it('is refused while off, writing nothing', async () => {
    const before = await tenantCount();
    const refused = await call('POST', '/v1/signup', { auth: null, body: visitor });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'SIGNUP_DISABLED' });
    expect(await tenantCount()).toBe(before);
  });

  it('provisions on the configured plan, keeps the owner’s password, refuses a plan in the body, and is rate-limited', async () => {
    const { app, url } = await start({ allowSignup: true, signupPlan: 'professional', signupRateLimit: { max: 3, windowSeconds: 3600 } });
    try {
      const chosePlan = await call('POST', '/v1/signup', { at: url, auth: null, body: { ...visitor, plan: 'enterprise' } });
      expect(chosePlan.body).toMatchObject({ status: 400, code: 'INVALID_INPUT', details: { issues: [{ path: 'plan', message: 'is not a known field' }] } });
      const signed = await call('POST', '/v1/signup', { at: url, auth: null, body: visitor });
      expect(signed.status).toBe(201);
      expect(signed.body).toMatchObject({
        tenant: { slug: 'signed-up', plan: 'professional' },
        owner: { email: visitor.ownerEmail, mustChangePassword: false },
      });
      expect(signed.body.owner).not.toHaveProperty('oneTimePassword');
      await call('POST', '/v1/signup', { at: url, auth: null, body: { ...visitor, slug: 'signed-up-2', ownerEmail: 'b@signed-up.example' } });
      const before = await tenantCount();
      const throttled = await call('POST', '/v1/signup', { at: url, auth: null, body: { ...visitor, slug: 'signed-up-3', ownerEmail: 'c@signed-up.example' } });
      expect(throttled.status).toBe(429);
      expect(throttled.body).toMatchObject({ code: 'RATE_LIMITED', kind: 'rate_limited' });
      expect(throttled.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await tenantCount()).toBe(before);
    } finally {
      await app.close();
    }
  });
});

describe('logs and the audit', () => {
  it('log one JSON line per request with its id, which is the audit correlation id, and never a secret', async () => {
    const created = await call('POST', '/v1/tenants', { body: { name: 'Http Logged', slug: 'http-logged', ownerEmail: 'owner@http-logged.example' } });
    const requestId = String(created.headers.get('request-id'));
    const password = String((created.body.owner as { oneTimePassword: string }).oneTimePassword);
    const audited = await client.audit.list({ correlationId: requestId });
    expect(audited.map((event) => [event.action, event.tenantSlug, event.actor.label, event.face])).toContainEqual([
      'tenant.provisioned',
      'http-logged',
      'service token http tests',
      'http',
    ]);
    const lines = logLines.map((line) => JSON.parse(line) as { reqId?: string });
    expect(lines.some((line) => line.reqId === requestId)).toBe(true);
    const everything = logLines.join('\n');
    for (const secret of [password, token]) expect(everything).not.toContain(secret);
  });
});
