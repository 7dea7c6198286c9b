import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { createTenantry, SAMPLE_BLUEPRINT, type TenantryClient } from '@tenantry/sdk';
import { renderConsole, type ConsoleHarness } from './testing/render-console.tsx';

const SIZE = { columns: 120, rows: 30 };
const PLAN_HEADING = 'The plan (nothing is written until you confirm)';
const READ_ONLY = 'nothing can be changed';

let database: TestDatabase;
let client: TenantryClient;
let receiver: Receiver;
const dir = mkdtempSync(join(tmpdir(), 'tenantry-console-fleet-'));

beforeAll(async () => {
  database = await createTestDatabase();
  client = await createTenantry(database.sdkOptions);
  await client.tenants.provision({ name: 'Export Source', ownerEmail: 'owner@export-source.test', isolation: 'shared' });
  await client.tenants.provision({ name: 'Invites', ownerEmail: 'owner@invites.test', isolation: 'shared', skipDemoData: true });
  // A 1-user limit is a USAGE_NEAR_LIMIT warning: the doctor has a finding to notify.
  await client.tenants.provision({ name: 'Tight Limits', ownerEmail: 'owner@tight.test', isolation: 'shared', skipDemoData: true, maxUsers: 1 });
  receiver = await startReceiver();
});

afterAll(async () => {
  await receiver?.close();
  await client?.close();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('console: bulk provisioning (B)', () => {
  it('plans each row of the file, applies it, and shows the summary and each one-time password once', async () => {
    const file = write('bulk.csv', csv(['Bulk Alpha', 'bulk-alpha'], ['Bulk Beta', 'bulk-beta']));
    const ui = renderConsole(client, SIZE);
    try {
      await ui.waitForFrame('export-source');
      ui.press('bulkImport');
      await ui.waitForFrame('Provision tenants from a file');
      ui.type(file);
      ui.key('enter');
      const plan = await ui.waitForFrame(PLAN_HEADING);
      expect(plan).toContain(`Provision 2 rows of ${file}`);
      expect(plan).toMatch(/Row 1 bulk-alpha: planned — Create tenant "Bulk Alpha"/);
      expect(plan).toMatch(/Row 2 bulk-beta: planned — Create tenant "Bulk Beta"/);
      await expectMissing('bulk-alpha');
      ui.key('enter');
      const result = await ui.waitForFrame('2 created, 0 unchanged, 0 failed, 0 skipped');
      expect(result).toContain('One-time passwords (shown once: hand them over now):');
      expect(result).toMatch(/bulk-alpha: owner@bulk-alpha\.test one-time password \S{24}/);
      expect(result).toMatch(/bulk-beta: owner@bulk-beta\.test one-time password \S{24}/);
      ui.key('enter');
      await ui.waitForFrame(/bulk-beta +Bulk Beta/);
      expect(ui.frame()).not.toContain('one-time password');
      expect((await client.tenants.get('bulk-alpha')).owners.map((owner) => owner.email)).toEqual(['owner@bulk-alpha.test']);
      expect((await client.tenants.get('bulk-beta')).status).toBe('active');
    } finally {
      ui.unmount();
    }
  });

  it('refuses a file changed after its plan (PLAN_STALE), writes nothing, and applies the new plan once confirmed', async () => {
    const file = write('stale.csv', csv(['Bulk Gamma', 'bulk-gamma']));
    const ui = renderConsole(client, SIZE);
    try {
      await ui.waitForFrame('export-source');
      ui.press('bulkImport');
      ui.type(file);
      ui.key('enter');
      await ui.waitForFrame('Row 1 bulk-gamma: planned');
      write('stale.csv', csv(['Bulk Delta', 'bulk-delta']));
      ui.key('enter');
      const stale = await ui.waitForFrame('Row 1 bulk-delta: planned');
      expect(stale).toContain('changed since');
      expect(stale).toContain('PLAN_STALE');
      await expectMissing('bulk-gamma');
      await expectMissing('bulk-delta');
      ui.key('enter');
      await ui.waitForFrame('1 created, 0 unchanged, 0 failed, 0 skipped');
      expect((await client.tenants.get('bulk-delta')).name).toBe('Bulk Delta');
      await expectMissing('bulk-gamma');
    } finally {
      ui.unmount();
    }
  });
});

describe('console: export (E) and import (I)', () => {
  it('exports the open tenant to a file and imports that file under a new slug', async () => {
    const file = join(dir, 'export-source.tenant.jsonl');
    const ui = renderConsole(client, SIZE);
    try {
      await ui.waitForFrame('export-source');
      ui.type(':export-source\r');
      await ui.waitForFrame('Export Source (export-source)');
      ui.press('exportTenant');
      await ui.waitForFrame('Export export-source');
      ui.key('ctrl+u');
      ui.type(file);
      ui.key('enter');
      expect(await ui.waitForFrame(PLAN_HEADING)).toContain(`Export export-source to ${file}`);
      ui.key('enter');
      expect(await ui.waitForFrame(`Exported export-source to ${file}`)).toMatch(/\d+ bytes: \d+ control-plane rows, \d+ data rows/);
      ui.key('enter');
      await ui.waitForFrame(/Status +✓ active/);
      ui.press('back');
      await ui.waitForFrame(/export-source +Export Source/);

      ui.press('importTenant');
      await ui.waitForFrame('Import a tenant from an export file');
      ui.type(file);
      ui.key('tab');
      ui.type('export-copy');
      ui.key('enter');
      expect(await ui.waitForFrame(PLAN_HEADING)).toContain(`Import ${file}`);
      await expectMissing('export-copy');
      ui.key('enter');
      expect(await ui.waitForFrame('Imported export-copy (from export-source)')).toMatch(/\d+ control-plane rows, \d+ data rows/);
      ui.key('enter');
      await ui.waitForFrame('Export Source (export-copy)');
      expect((await client.tenants.get('export-copy')).name).toBe('Export Source');
      expect((await client.tenants.get('export-source')).status).toBe('active');
    } finally {
      ui.unmount();
    }
  });
});

describe('console: accept an invitation (A)', () => {
  it('accepts with the token, a password and a name, and the user is a member', async () => {
    const sent = await client.invitations.send({ slug: 'invites', email: 'joiner@invites.test' });
    const token = sent.invitation.token ?? '';
    expect(token).not.toBe('');
    const ui = renderConsole(client, SIZE);
    try {
      await ui.waitForFrame('invites');
      ui.press('acceptInvitation');
      await ui.waitForFrame('Accept an invitation');
      ui.type(token);
      ui.key('tab');
      ui.type('Joiner-Password-1');
      ui.key('tab');
      ui.type('Jo Iner');
      const form = ui.frame();
      expect(form).not.toContain(token);
      expect(form).not.toContain('Joiner-Password-1');
      ui.key('enter');
      expect(await ui.waitForFrame(PLAN_HEADING)).toContain('Accept the invitation');
      ui.key('enter');
      await ui.waitForFrame('joiner@invites.test joined invites');
      await ui.waitForFrame('Invites (invites)');
      expect((await client.members.list('invites')).map((member) => member.email)).toContain('joiner@invites.test');
    } finally {
      ui.unmount();
    }
  });
});

describe('console: platform screen (W)', () => {
  it('subscribes a local receiver, shows the signing secret once, lists the webhook and removes it with x', async () => {
    const url = `${receiver.url}/hooks`;
    const ui = renderConsole(client, SIZE);
    try {
      await ui.waitForFrame('export-source');
      ui.press('platform');
      await ui.waitForFrame('No webhooks: press a to subscribe a URL to events.');
      ui.press('addWebhook');
      await ui.waitForFrame('Subscribe to events');
      ui.type(url);
      ui.key('enter');
      expect(await ui.waitForFrame(PLAN_HEADING)).toContain(`Subscribe ${url} to tenant.*`);
      ui.key('enter');
      const created = await ui.waitForFrame('(shown once');
      expect(created).toContain(`Subscribed ${url} (webhook) to tenant.*`);
      expect(created).toMatch(/Signing secret: whsec_\S+ \(shown once/);
      ui.key('enter');
      const [webhook] = await client.webhooks.list();
      expect(webhook).toMatchObject({ target: url, events: 'tenant.*', status: 'enabled' });
      // The target is shown whole: the id (for the CLI) gives way first when the row is too wide.
      const listed = await ui.waitForFrame(new RegExp(`${escaped(url)} +webhook +tenant\\.\\* +all +✓ enabled +0/0/0`));
      expect(listed).toContain('Webhooks (1 subscription)');
      expect(listed).not.toContain('whsec_');

      ui.press('revokeItem');
      expect(await ui.waitForFrame(PLAN_HEADING)).toContain(`Remove the webhook ${url}`);
      ui.key('enter');
      await ui.waitForFrame('No webhooks: press a to subscribe a URL to events.');
      expect(await client.webhooks.list()).toEqual([]);
    } finally {
      ui.unmount();
    }
  });

  it('creates a service token shown once, lists its prefix, and revokes it with x', async () => {
    const ui = renderConsole(client, SIZE);
    try {
      await ui.waitForFrame('export-source');
      ui.press('platform');
      await ui.waitForFrame('No service tokens: press c to create one.');
      ui.press('createToken');
      await ui.waitForFrame('Create a service token');
      ui.type('Deploy pipeline');
      ui.key('enter');
      expect(await ui.waitForFrame(PLAN_HEADING)).toContain('Create the service token "Deploy pipeline"');
      ui.key('enter');
      const created = await ui.waitForFrame('(shown once');
      const token = /Service token: (\S+) \(shown once/.exec(created)?.[1] ?? '';
      const [listed] = await client.tokens.list();
      expect(listed).toMatchObject({ name: 'Deploy pipeline', status: 'active' });
      const prefix = listed?.prefix ?? '?';
      expect(await client.tokens.verify({ token })).toMatchObject({ valid: true, token: { prefix } });
      expect(created).toContain(`Created the service token ${prefix} (Deploy pipeline)`);
      ui.key('enter');
      const row = await ui.waitForFrame(new RegExp(`${escaped(prefix)} +Deploy pipeline +active`));
      expect(row).not.toContain(token);

      ui.key('end');
      ui.press('revokeItem');
      expect(await ui.waitForFrame(PLAN_HEADING)).toContain(`Revoke the service token ${prefix}`);
      ui.key('enter');
      await ui.waitForFrame(new RegExp(`${escaped(prefix)} +Deploy pipeline +revoked`));
      expect((await client.tokens.list()).map((item) => [item.prefix, item.status])).toEqual([[prefix, 'revoked']]);
    } finally {
      ui.unmount();
    }
  });
});

describe('console: doctor notify (N) and control-plane migrations (U)', () => {
  it('notifies the findings to a local receiver after its plan, which gets the signed delivery', async () => {
    const url = `${receiver.url}/health`;
    const delivered = receiver.next('/health');
    const ui = renderConsole(client, SIZE);
    try {
      await ui.waitForFrame('export-source');
      ui.press('doctor');
      await ui.waitForFrame(/USAGE_NEAR_LIMIT +tight-limits/);
      ui.press('notify');
      await ui.waitForFrame('Notify the doctor findings');
      ui.type(url);
      ui.key('enter');
      const plan = await ui.waitForFrame(PLAN_HEADING);
      expect(plan).toContain(url);
      expect(plan).toMatch(/Record \d+ health\.finding_opened event\(s\)/);
      expect(receiver.received.filter((request) => request.path === '/health')).toEqual([]);
      ui.key('enter');
      const result = await ui.waitForFrame(/Notified \S+: \d+ findings? opened, 0 resolved/);
      expect(result).toMatch(/Signing secret: whsec_\S+ \(shown once/);
      const request = await delivered;
      expect(request.headers['webhook-signature']).toMatch(/^v1,/);
      expect(request.body).toContain('health.finding_opened');
      expect(request.body).toContain('USAGE_NEAR_LIMIT');
      ui.key('enter');
      expect((await client.webhooks.list()).map((webhook) => [webhook.target, webhook.events])).toContainEqual([url, 'health.*']);
    } finally {
      ui.unmount();
    }
  });

  it('says so when the delivery fails: the findings are recorded and stay queued', async () => {
    // A finding never notified before, so there is something to deliver whatever ran first.
    await client.tenants.provision({ name: 'Tight Again', ownerEmail: 'owner@tight-again.test', isolation: 'shared', skipDemoData: true, maxUsers: 1 });
    const ui = renderConsole(client, SIZE);
    try {
      await ui.waitForFrame('export-source');
      ui.press('doctor');
      await ui.waitForFrame(/USAGE_NEAR_LIMIT +tight-again/);
      ui.press('notify');
      await ui.waitForFrame('Notify the doctor findings');
      ui.type('http://127.0.0.1:1/unreachable');
      ui.key('enter');
      await ui.waitForFrame(PLAN_HEADING);
      ui.key('enter');
      const result = await ui.waitForFrame('but the delivery failed');
      expect(result).not.toContain('Notified');
      expect(result).toContain('The events stay queued and are retried');
    } finally {
      ui.unmount();
    }
  });

  it('names the field when a form is left empty, and writes nothing', async () => {
    const before = (await client.tenants.list()).total;
    const ui = renderConsole(client, SIZE);
    try {
      await ui.waitForFrame('export-source');
      ui.press('bulkImport');
      await ui.waitForFrame('Provision tenants from a file');
      ui.key('enter');
      await ui.waitForFrame(/file: is required: the path of a file/);
    } finally {
      ui.unmount();
    }
    expect((await client.tenants.list()).total).toBe(before);
  });

  it('plans nothing to apply for a control plane already migrated', async () => {
    const ui = renderConsole(client, SIZE);
    try {
      await ui.waitForFrame('export-source');
      ui.press('doctor');
      await ui.waitForFrame(/USAGE_NEAR_LIMIT +tight-limits/);
      ui.press('migrateDatabase');
      const plan = await ui.waitForFrame('The control plane is up to date');
      expect(plan).toContain('Nothing to apply.');
      ui.key('enter');
      await ui.waitForFrame('Nothing to apply');
      expect((await client.database.status()).pending).toEqual([]);
    } finally {
      ui.unmount();
    }
  });
});

describe('console: tenant migrations (M)', () => {
  let migrationDatabase: TestDatabase;
  let migrating: TenantryClient;
  const NOTES = { id: '0004_notes', description: 'Notes on a tenant.', schema: 'create table notes (id int)', shared: 'create table notes (id int)' };

  beforeAll(async () => {
    // Tenants provisioned with the sample blueprint, then a client whose blueprint ships one more migration.
    migrationDatabase = await createTestDatabase();
    const before = await createTenantry(migrationDatabase.sdkOptions);
    for (const name of ['Mig One', 'Mig Two']) await before.tenants.provision({ name, ownerEmail: `owner@${name.replace(' ', '-')}.test`, skipDemoData: true });
    await before.close();
    migrating = await createTenantry({
      ...migrationDatabase.sdkOptions,
      blueprint: { ...SAMPLE_BLUEPRINT, migrations: [...SAMPLE_BLUEPRINT.migrations, NOTES] },
    });
  });

  afterAll(async () => {
    await migrating?.close();
    await migrationDatabase?.drop();
  });

  it('plans the pending migration for every tenant, applies it, and leaves nobody behind', async () => {
    expect((await migrating.migrations.status()).tenants.behind).toBe(2);
    const ui = renderConsole(migrating, SIZE);
    try {
      await ui.waitForFrame('mig-two');
      ui.press('migrateTenants');
      await ui.waitForFrame("Apply the blueprint's migrations to every tenant");
      ui.key('enter');
      const plan = await ui.waitForFrame(PLAN_HEADING);
      expect(plan).toContain(`Migrate 2 units to blueprint ${SAMPLE_BLUEPRINT.name}`);
      expect(plan).toContain('Run 0004_notes in 2 tenant schema(s): Notes on a tenant.');
      ui.key('enter');
      await ui.waitForFrame('2 migrated, 0 already done, 0 failed, 0 skipped');
      const status = await migrating.migrations.status();
      expect(status.tenants).toMatchObject({ total: 2, upToDate: 2, behind: 0 });
      expect(status.behind).toEqual([]);
      ui.press('migrateTenants');
      ui.key('enter');
      expect(await ui.waitForFrame('Every tenant is up to date')).toContain('Nothing to apply.');
    } finally {
      ui.unmount();
    }
  });
});

describe('console: --readonly refuses the fleet and platform actions', () => {
  it('refuses B, M and, on the platform screen, a and c, and writes nothing', async () => {
    const tenants = (await client.tenants.list()).total;
    const tokens = (await client.tokens.list()).length;
    const webhooks = (await client.webhooks.list()).length;
    const ui = renderConsole(client, SIZE, true);
    try {
      await ui.waitForFrame('READ-ONLY');
      await ui.waitForFrame('export-source');
      await expectRefused(ui, 'B', 'Provision tenants from a file');
      await expectRefused(ui, 'M', "Apply the blueprint's migrations");
      ui.press('platform');
      await ui.waitForFrame('Service tokens');
      await expectRefused(ui, 'a', 'Subscribe to events');
      await expectRefused(ui, 'c', 'Create a service token');
      expect((await client.tenants.list()).total).toBe(tenants);
      expect(await client.tokens.list()).toHaveLength(tokens);
      expect(await client.webhooks.list()).toHaveLength(webhooks);
    } finally {
      ui.unmount();
    }
  });
});

/** Presses `key`, expects the read-only refusal and no dialog titled `title`, then clears the notice. */
async function expectRefused(ui: ConsoleHarness, key: string, title: string): Promise<void> {
  ui.key(key);
  expect(await ui.waitForFrame(READ_ONLY)).not.toContain(title);
  // A move clears the notice, so the next refusal is a new one.
  ui.key('down');
  await ui.waitForFrame(new RegExp(`^(?![\\s\\S]*${READ_ONLY})`));
}

async function expectMissing(slug: string): Promise<void> {
  await expect(client.tenants.get(slug)).rejects.toMatchObject({ code: 'TENANT_NOT_FOUND' });
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A bulk CSV: one row a tenant, its owner at the slug's own test domain. */
function csv(...rows: [name: string, slug: string][]): string {
  return ['name,slug,owner-email,isolation,skip-demo-data', ...rows.map(([name, slug]) => `${name},${slug},owner@${slug}.test,shared,yes`)].join('\n') + '\n';
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Receiver {
  url: string;
  received: Received[];
  /** Resolves with the first request to `path` from now on. */
  next(path: string): Promise<Received>;
  close(): Promise<void>;
}

/** An http server on 127.0.0.1 that answers 204 to every request and keeps them. */
async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const waiting: { path: string; resolve: (request: Received) => void }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const entry = { path: request.url ?? '', headers: request.headers, body };
      received.push(entry);
      for (const waiter of waiting.filter((candidate) => candidate.path === entry.path)) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve(entry);
      }
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    next: (path) => new Promise((resolve) => waiting.push({ path, resolve })),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
