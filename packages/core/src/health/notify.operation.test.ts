import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotRows, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../db/database.ts';
import { executeOperation } from '../operations/execute.ts';
import { failure, provisionTestTenant, userContext } from '../testing/access-fixtures.ts';
import { testContext } from '../testing/service-context.ts';
import { notifyHealth } from './notify.operation.ts';

let testDatabase: TestDatabase;
let database: Database;
let server: Server;
let url: string;
interface Delivered {
  type: string;
  data: { target: { id: string }; after: { code: string } | null };
}
const received: { body: Delivered; signed: boolean }[] = [];

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openDatabase(testDatabase.coreOptions);
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ body: JSON.parse(body) as Delivered, signed: typeof request.headers['webhook-signature'] === 'string' });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook/secret-path`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await database?.close();
  await testDatabase?.drop();
});

const ctx = () => testContext(database);
const snapshot = () => snapshotRows((sql) => database.fork().execute<Record<string, unknown>[]>(sql));
/** A tenant at its user limit: the doctor reports USAGE_NEAR_LIMIT for it. */
async function tenantNearItsLimit() {
  const tenant = await provisionTestTenant(database);
  await database.fork().execute(`update tenantry.tenants set limits = jsonb_set(limits, '{maxUsers}', '1') where slug = ?`, [tenant.slug]);
  return tenant;
}

describe('the health.notify operation', () => {
  it('a dry run names the URL and the findings it would notify, sends and writes nothing; applying subscribes the URL to health.* and delivers exactly those, signed, once', async () => {
    const tenant = await tenantNearItsLimit();
    const before = await snapshot();
    const posted = received.length;
    const planned = await executeOperation(ctx(), notifyHealth, { url, slug: tenant.slug }, { dryRun: true });
    expect(planned.result).toBe('planned');
    expect(planned.steps.map((step) => step.action)).toEqual(['add-webhook', 'record-events', 'deliver', 'audit']);
    expect(planned.steps[0]?.description).toContain(`Subscribe ${url} to health.*`);
    expect(planned.steps[1]?.description).toContain('USAGE_NEAR_LIMIT');
    expect(planned.data.pending.map((finding) => finding.code)).toContain('USAGE_NEAR_LIMIT');
    expect(received).toHaveLength(posted);
    expect(await snapshot()).toEqual(before);

    const applied = await executeOperation(ctx(), notifyHealth, { url, slug: tenant.slug }, { expectFingerprint: planned.fingerprint });
    expect(applied).toMatchObject({
      result: 'applied',
      steps: planned.steps,
      value: {
        url,
        sent: planned.data.pending.length,
        status: 204,
        deliveryError: null,
        subscription: { created: true, secret: expect.stringMatching(/^whsec_/) },
      },
    });
    const delivered = received.slice(posted);
    expect(delivered.every((request) => request.signed && request.body.type === 'health.finding_opened')).toBe(true);
    expect(delivered.map((request) => request.body.data.target.id)).toEqual(planned.data.pending.map((finding) => finding.fingerprint));
    const [event] = await database
      .fork()
      .execute<{ target_id: string; after: string }[]>(
        `select target_id, after::text from tenantry.audit_events where action = 'health.notified' order by id desc limit 1`,
      );
    // The webhook's path can hold its secret: the audit names its origin.
    expect(event?.target_id).toBe(new URL(url).origin);
    expect(event?.after).not.toContain('secret-path');

    const again = await executeOperation(ctx(), notifyHealth, { url, slug: tenant.slug });
    expect(again.result).toBe('unchanged');
    expect(received).toHaveLength(posted + delivered.length);
  });

  it('a plan shown before the findings were sent by another run is stale: nothing is posted or written', async () => {
    await tenantNearItsLimit();
    const planned = await executeOperation(ctx(), notifyHealth, { url }, { dryRun: true });
    await executeOperation(ctx(), notifyHealth, { url });
    // And a new problem: what would be posted now is not what was shown.
    await tenantNearItsLimit();
    expect((await executeOperation(ctx(), notifyHealth, { url }, { dryRun: true })).result).toBe('planned');
    const before = await snapshot();
    const posted = received.length;
    const stale = await failure(executeOperation(ctx(), notifyHealth, { url }, { expectFingerprint: planned.fingerprint }));
    expect(stale.code).toBe('PLAN_STALE');
    expect(received).toHaveLength(posted);
    expect(await snapshot()).toEqual(before);
  });

  it('a webhook that cannot be reached keeps the events queued and says so; they are retried like any delivery', async () => {
    const tenant = await tenantNearItsLimit();
    const down = 'http://127.0.0.1:1/hook';
    const applied = await executeOperation(ctx(), notifyHealth, { url: down, slug: tenant.slug });
    expect(applied.value).toMatchObject({ sent: expect.any(Number), deliveryError: expect.stringContaining(down) });
    const [queued] = await database
      .fork()
      .execute<{ pending: number; attempts: number }[]>(
        `select count(*)::int as pending, max(d.attempts)::int as attempts from tenantry.webhook_deliveries d join tenantry.webhook_endpoints w on w.id = d.endpoint_id where w.target = ? and d.status = 'pending'`,
        [down],
      );
    expect(queued).toEqual({ pending: applied.value?.sent, attempts: 1 });
  });

  it('is refused to a tenant user, dry run or not, and a URL that is not http(s) is invalid input', async () => {
    const tenant = await tenantNearItsLimit();
    const owner = userContext(database, { userId: tenant.ownerId, email: tenant.ownerEmail });
    const posted = received.length;
    expect((await failure(executeOperation(owner, notifyHealth, { url }, { dryRun: true }))).code).toBe('FORBIDDEN');
    expect((await failure(executeOperation(owner, notifyHealth, { url }))).code).toBe('FORBIDDEN');
    expect(received).toHaveLength(posted);
    expect((await failure(executeOperation(ctx(), notifyHealth, { url: 'ftp://example.com/hook' }))).code).toBe('INVALID_INPUT');
  });
});
