import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
const cli = (args: string[]) => runCli(args, { env: database.env });

beforeAll(async () => {
  database = await createTestDatabase();
  for (const slug of ['events-one', 'events-two']) {
    const created = await cli(['tenant', 'create', '--name', slug, '--slug', slug, '--owner-email', `owner@${slug}.test`, '--json']);
    expect(created.exitCode).toBe(0);
  }
  expect((await cli(['tenant', 'suspend', 'events-one', '--json'])).exitCode).toBe(0);
});

afterAll(async () => {
  await database?.drop();
});

interface EventJson {
  id: string;
  type: string;
  occurredAt: string;
  tenant: { id: string; slug: string } | null;
  actor: { type: string; label: string };
  data: { auditAction: string; target: { type: string; id: string | null } };
}
type Page = { items: EventJson[]; nextCursor: string | null };

describe('tenantry events list', { timeout: 240_000 }, () => {
  it('pages through the events in id order with the cursor, filtered by a type glob', async () => {
    const first = await cli(['events', 'list', '--type', 'tenant.*', '--limit', '2', '--json']);
    expect(first.exitCode).toBe(0);
    const page = parseJson<Page>(first);
    expect(page.items.map((event) => [event.type, event.tenant?.slug])).toEqual([
      ['tenant.created', 'events-one'],
      ['tenant.created', 'events-two'],
    ]);
    expect(page.nextCursor).toBe(page.items[1]?.id);
    expect(first.stderr).toContain(`--since ${page.nextCursor}`);
    const second = parseJson<Page>(await cli(['events', 'list', '--type', 'tenant.*', '--since', String(page.nextCursor), '--json']));
    expect(second).toEqual({
      items: [expect.objectContaining({ type: 'tenant.suspended', data: expect.objectContaining({ auditAction: 'tenant.suspended' }) })],
      nextCursor: null,
    });
    expect(new Date(second.items[0]?.occurredAt ?? '').toISOString()).toBe(second.items[0]?.occurredAt);
  });

  it('narrows to one tenant and a comma list, and prints a tab-separated table when piped', async () => {
    const run = await cli(['events', 'list', '--tenant', 'events-two', '--type', 'member.added,role.*']);
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('id\ttime\ttype\ttenant\tactor\ttarget');
    expect(lines.slice(1).map((line) => line.split('\t').slice(2, 4))).toEqual([
      ['member.added', 'events-two'],
      ['role.granted', 'events-two'],
    ]);
  });

  it('reads newest first with --order newest, paging back with --before', async () => {
    const latest = await cli(['events', 'list', '--type', 'tenant.*', '--order', 'newest', '--limit', '2', '--json']);
    expect(latest.exitCode, latest.stderr).toBe(0);
    const page = parseJson<Page>(latest);
    expect(page.items.map((event) => [event.type, event.tenant?.slug])).toEqual([
      ['tenant.suspended', 'events-one'],
      ['tenant.created', 'events-two'],
    ]);
    expect(latest.stderr).toContain(`--before ${page.nextCursor}`);
    const older = parseJson<Page>(await cli(['events', 'list', '--type', 'tenant.*', '--order', 'newest', '--before', String(page.nextCursor), '--json']));
    expect(older).toEqual({
      items: [expect.objectContaining({ type: 'tenant.created', tenant: expect.objectContaining({ slug: 'events-one' }) })],
      nextCursor: null,
    });
    expect((await cli(['events', 'list', '--order', 'latest'])).exitCode).toBe(3);
  });

  it('names the flag of a bad type or cursor (exit 3)', async () => {
    for (const args of [
      ['--type', 'tenant.nope'],
      ['--since', 'yesterday'],
    ]) {
      const run = await cli(['events', 'list', ...args, '--json']);
      expect(run.exitCode, args.join(' ')).toBe(3);
      expect(parseJson(run)).toEqual({ error: expect.objectContaining({ code: 'INVALID_INPUT' }) });
    }
    const bad = await cli(['events', 'list', '--limit', '501']);
    expect(bad.exitCode).toBe(3);
    expect(bad.stderr).toContain('--limit');
  });
});
