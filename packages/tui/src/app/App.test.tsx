import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { createTenantry, type TenantryClient } from '@tenantry/sdk';
import { renderConsole } from './testing/render-console.tsx';

let database: TestDatabase;
let client: TenantryClient;
/** The DNS the client verifies custom domains with: TXT records by name. */
const dns = new Map<string, string[][]>();
const resolver = { resolveTxt: async (name: string) => dns.get(name) ?? Promise.reject(Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' })) };

beforeAll(async () => {
  database = await createTestDatabase();
  client = await createTenantry({ ...database.sdkOptions, dnsResolver: resolver });
  for (const [name, plan] of [
    ['Acme Corp', 'basic'],
    ['Globex', 'enterprise'],
    ['Initech', 'professional'],
  ] as const) {
    await client.tenants.provision({
      name,
      ownerEmail: `owner@${name.split(' ')[0]?.toLowerCase()}.test`,
      plan,
      ...(name === 'Globex' ? { trialDays: 7 } : {}),
    });
  }
});

afterAll(async () => {
  await client?.close();
  await database?.drop();
});

describe('console: tenants', () => {
  it('lists tenants with status, plan, users, trial and health, and a status bar', async () => {
    const ui = renderConsole(client);
    try {
      const frame = await ui.waitForFrame('globex');
      expect(frame).toMatch(/acme-corp +Acme Corp +✓ active +basic +1\/10 +-/);
      expect(frame).toMatch(/globex +Globex +✓ active +enterprise +1\/200 +7d/);
      expect(frame).toMatch(/3 tenants/);
      expect(frame).toContain('? help');
    } finally {
      ui.unmount();
    }
  });

  it('filters with /, opens with enter, goes back with esc', async () => {
    const ui = renderConsole(client);
    try {
      await ui.waitForFrame('initech');
      ui.press('filter');
      ui.type('glob');
      const filtered = await ui.waitForFrame('/glob');
      expect(filtered).not.toContain('acme-corp');
      ui.key('enter');
      ui.key('enter');
      const detail = await ui.waitForFrame('Globex (globex)');
      expect(detail).toMatch(/Owner +owner@globex\.test/);
      expect(detail).toMatch(/Users +░{16} 1\/200/);
      ui.key('7');
      const audit = await ui.waitForFrame('tenant.provisioned');
      expect(audit).toMatch(/role\.granted/);
      ui.key('tab');
      await ui.waitForFrame('tenant.created');
      ui.key('tab');
      await ui.waitForFrame(/Users +░/);
      ui.press('back');
      await ui.waitForFrame('Tenants');
    } finally {
      ui.unmount();
    }
  });

  it('handles several keys arriving in one chunk, like a paste', async () => {
    const ui = renderConsole(client);
    try {
      await ui.waitForFrame('initech');
      ui.type('/init\r');
      const frame = await ui.waitForFrame('filter: init');
      expect(frame).not.toContain('globex');
    } finally {
      ui.unmount();
    }
  });

  it('sorts by the next column with s and reverses with S', async () => {
    const ui = renderConsole(client);
    try {
      await ui.waitForFrame('initech');
      ui.type('sS');
      const frame = await ui.waitForFrame('sorted by name (descending)');
      expect(frame.indexOf('initech')).toBeLessThan(frame.indexOf('acme-corp'));
    } finally {
      ui.unmount();
    }
  });

  it('shows the help overlay from the keymap, and jumps with :', async () => {
    const ui = renderConsole(client);
    try {
      await ui.waitForFrame('acme-corp');
      ui.press('help');
      const help = await ui.waitForFrame('Keys (? or esc closes; ↑/↓ scroll)');
      expect(help).toContain('Filter by slug or name');
      ui.key('end');
      await ui.waitForFrame('Reload from the database');
      ui.press('help');
      await ui.waitForFrame('acme-corp');
      ui.type(':initech\r');
      await ui.waitForFrame('Initech (initech)');
    } finally {
      ui.unmount();
    }
  });

  it('fits 80×24 and follows a resize', async () => {
    const ui = renderConsole(client, { columns: 80, rows: 24 });
    try {
      const small = await ui.waitForFrame('globex');
      expect(small.split('\n').every((line) => [...line].length <= 80)).toBe(true);
      expect(small.split('\n').length).toBeLessThanOrEqual(24);
      ui.resize(140, 30);
      const wide = await ui.waitForFrame(/Acme Corp {10,}/);
      expect(wide.split('\n').some((line) => [...line].length > 100)).toBe(true);
    } finally {
      ui.unmount();
    }
  });
});

describe('console: --readonly', () => {
  it('refuses every path to a change, the wizard by key or by :new and each action key, and writes nothing', async () => {
    const before = (await client.tenants.list()).total;
    const ui = renderConsole(client, { columns: 120, rows: 30 }, true);
    try {
      await ui.waitForFrame('READ-ONLY');
      ui.type(':new\r');
      expect(await ui.waitForFrame('nothing can be changed')).not.toContain('Provision a tenant');
      ui.press('newTenant');
      expect(await ui.waitForFrame('nothing can be changed')).not.toContain('Provision a tenant');
      ui.type(':acme-corp\r');
      await ui.waitForFrame('Acme Corp (acme-corp)');
      ui.press('suspendResume');
      const refused = await ui.waitForFrame('nothing can be changed');
      expect(refused).not.toContain('The plan (nothing is written until you confirm)');
      expect((await client.tenants.get('acme-corp')).status).toBe('active');
      expect((await client.tenants.list()).total).toBe(before);
    } finally {
      ui.unmount();
    }
  });
});

describe('console: actions on a tenant', () => {
  it('grants a role to the selected member and invites someone, each after its plan, the token shown once', async () => {
    const ui = renderConsole(client, { columns: 120, rows: 30 });
    try {
      await ui.waitForFrame('initech');
      ui.type(':initech\r');
      await ui.waitForFrame('Initech (initech)');
      ui.key('2');
      await ui.waitForFrame('owner@initech.test');
      ui.key('+');
      await ui.waitForFrame('Grant a role to owner@initech.test');
      ui.key('right');
      await ui.waitForFrame('‹ viewer ›');
      ui.key('enter');
      const plan = await ui.waitForFrame('The plan (nothing is written until you confirm)');
      expect(plan).toContain('Grant viewer to owner@initech.test in initech');
      ui.key('enter');
      await ui.waitForFrame(/owner@initech\.test +\S.* +owner, viewer|now has: owner, viewer/);

      ui.press('invite');
      await ui.waitForFrame('Invite a member to initech');
      ui.type('new.hire@initech.test');
      ui.key('enter');
      await ui.waitForFrame('The plan (nothing is written until you confirm)');
      ui.key('enter');
      const result = await ui.waitForFrame('shown once');
      expect(result).toMatch(/Invitation token: \S+ \(shown once/);
      ui.key('enter');
      ui.key('3');
      await ui.waitForFrame(/new\.hire@initech\.test +viewer +… pending/);
      expect((await client.invitations.list({ slug: 'initech' })).map((invitation) => invitation.email)).toEqual(['new.hire@initech.test']);
    } finally {
      ui.unmount();
    }
  });
});

describe('console: domains and API keys', () => {
  it('adds a domain, makes it primary, creates an API key shown once and revokes it', async () => {
    const ui = renderConsole(client, { columns: 120, rows: 30 });
    try {
      await ui.waitForFrame('acme-corp');
      ui.type(':acme-corp\r');
      await ui.waitForFrame('Acme Corp (acme-corp)');
      ui.key('4');
      await ui.waitForFrame('No domains: press a to add one.');
      ui.key('a');
      await ui.waitForFrame('Add a domain to acme-corp');
      ui.type('portal.acme.test');
      ui.key('enter');
      await ui.waitForFrame('The plan (nothing is written until you confirm)');
      ui.key('enter');
      await ui.waitForFrame('Publish TXT _tenantry.portal.acme.test');
      ui.key('enter');
      // An unverified custom domain is not primary, not even the first one.
      await ui.waitForFrame(/ {2}portal\.acme\.test +custom/);
      ui.key('a');
      ui.type('www.acme.test');
      ui.key('enter');
      await ui.waitForFrame('The plan (nothing is written until you confirm)');
      ui.key('enter');
      await ui.waitForFrame('Publish TXT _tenantry.www.acme.test');
      ui.key('enter');
      await ui.waitForFrame(/ {2}www\.acme\.test/);
      ui.key('end');
      ui.key('*');
      await ui.waitForFrame('www.acme.test is not verified, so it cannot be the primary domain of acme-corp.');
      // Its TXT record is published and verified: the tenant's first verified domain becomes primary.
      const www = (await client.domains.list('acme-corp')).find((domain) => domain.hostname === 'www.acme.test');
      if (www?.verification) dns.set(www.verification.recordName, [[www.verification.recordValue]]);
      expect((await client.domains.verify({ slug: 'acme-corp', hostname: 'www.acme.test' })).result).toBe('applied');
      ui.key('R');
      await ui.waitForFrame(/★ www\.acme\.test/);

      // Basic has no api_access: switched on for this tenant, API keys can be made.
      await client.plans.setFeature({ slug: 'acme-corp', feature: 'api_access', enabled: true });
      ui.key('5');
      await ui.waitForFrame('No API keys: press c to create one.');
      ui.key('c');
      await ui.waitForFrame('Create an API key for acme-corp');
      ui.type('Deploy bot');
      ui.key('enter');
      await ui.waitForFrame('The plan (nothing is written until you confirm)');
      ui.key('enter');
      const created = await ui.waitForFrame('shown once');
      const key = /API key: (\S+) \(shown once/.exec(created)?.[1] ?? '';
      expect(key).toMatch(/^tnt_/);
      ui.key('enter');
      await ui.waitForFrame(/Deploy bot +active/);
      ui.key('x');
      await ui.waitForFrame('The plan (nothing is written until you confirm)');
      ui.key('enter');
      await ui.waitForFrame(/Deploy bot +revoked/);
      expect((await client.apiKeys.verify({ key })).valid).toBe(false);
    } finally {
      ui.unmount();
    }
  });
});

describe('console: plan change', () => {
  it('shows the plan change as a diff before applying it', async () => {
    const ui = renderConsole(client, { columns: 120, rows: 30 });
    try {
      await ui.waitForFrame('acme-corp');
      ui.type(':acme-corp\r');
      await ui.waitForFrame('Acme Corp (acme-corp)');
      ui.press('changePlan');
      await ui.waitForFrame('Change the plan of acme-corp');
      ui.key('enter');
      const plan = await ui.waitForFrame('Upgrade acme-corp to professional');
      expect(plan).toMatch(/limits\.maxUsers +10 → 50/);
      ui.key('enter');
      await ui.waitForFrame('acme-corp is on professional');
      expect((await client.tenants.get('acme-corp')).plan).toBe('professional');
    } finally {
      ui.unmount();
    }
  });
});

describe('console: the plan shown is the plan applied', () => {
  it('refuses a plan made stale by another change, and shows the plan as it is now', async () => {
    await client.tenants.provision({ name: 'Hooli', ownerEmail: 'owner@hooli.test', plan: 'basic' });
    const ui = renderConsole(client, { columns: 120, rows: 40 });
    try {
      await ui.waitForFrame('hooli');
      ui.type(':hooli\r');
      await ui.waitForFrame('Hooli (hooli)');
      ui.press('changePlan');
      await ui.waitForFrame('Change the plan of hooli');
      ui.key('enter');
      await ui.waitForFrame('Upgrade hooli to professional');
      // Meanwhile, someone else moves the tenant to enterprise (the CLI, another console).
      await client.plans.change({ slug: 'hooli', plan: 'enterprise' });
      ui.key('enter');
      const stale = await ui.waitForFrame('Downgrade hooli to professional');
      expect(stale).toContain('It changed since that plan was shown: nothing was written. This is the plan now.');
      expect((await client.tenants.get('hooli')).plan).toBe('enterprise');
      ui.key('enter');
      await ui.waitForFrame('hooli is on professional');
      expect((await client.tenants.get('hooli')).plan).toBe('professional');
    } finally {
      ui.unmount();
    }
  });
});

describe('console: data space', () => {
  it('shows usage as bars in the overview and the migrations in the data space tab', async () => {
    const ui = renderConsole(client, { columns: 120, rows: 30 });
    try {
      await ui.waitForFrame('globex');
      ui.type(':globex\r');
      const overview = await ui.waitForFrame(/Assets +[█░]+ \d+\/2000/);
      expect(overview).toMatch(/Devices +[█░]+ \d+\/100/);
      ui.key('6');
      const data = await ui.waitForFrame('0001_assets');
      expect(data).toMatch(/Schema tenant_globex .*✓ up to date/);
      expect(data).toMatch(/0002_devices +\d{4}-\d\d-\d\d \d\d:\d\d/);
    } finally {
      ui.unmount();
    }
  });
});

describe('console: events', () => {
  it("shows the tenant's events newest first, and the change just made on top", async () => {
    await client.tenants.provision({ name: 'Eventful', ownerEmail: 'owner@eventful.test' });
    const ui = renderConsole(client, { columns: 80, rows: 24 });
    try {
      await ui.waitForFrame('eventful');
      ui.type(':eventful\r');
      await ui.waitForFrame('Eventful (eventful)');
      ui.key('8');
      const provisioned = await ui.waitForFrame('tenant.created');
      expect(provisioned).toContain('7 Audit  8 Events');
      expect(provisioned).toMatch(/WHEN \(UTC\) +TYPE +ACTOR +CHANGE/);
      expect(typesInOrder(provisioned)).toEqual(['role.granted', 'member.added', 'tenant.created']);
      expect(provisioned).toMatch(/member\.added +\S.* email owner@eventful\.test/);

      ui.press('suspendResume');
      await ui.waitForFrame('Suspend eventful');
      ui.type('unpaid invoice');
      ui.key('enter');
      await ui.waitForFrame('The plan (nothing is written until you confirm)');
      ui.key('enter');
      const suspended = await ui.waitForFrame('tenant.suspended');
      expect(typesInOrder(suspended)).toEqual(['tenant.suspended', 'role.granted', 'member.added', 'tenant.created']);
      expect(suspended).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d +tenant\.suspended +\S.* +status active → suspended/);
      expect(suspended.split('\n').every((line) => [...line].length <= 80)).toBe(true);
    } finally {
      ui.unmount();
    }
  });
});

/** The event types of the Events tab's rows, top to bottom. */
const typesInOrder = (frame: string) => [...frame.matchAll(/^\d{4}-\d\d-\d\d \d\d:\d\d(?::\d\d)? +([a-z_]+\.[a-z_]+)/gm)].map((match) => match[1]);

describe('console: lifecycle', () => {
  it('suspends and resumes, and deletes only after the exact name is typed', async () => {
    await client.tenants.provision({ name: 'Short Lived', ownerEmail: 'owner@short.test' });
    const ui = renderConsole(client, { columns: 120, rows: 30 });
    try {
      await ui.waitForFrame('short-lived');
      ui.type(':short-lived\r');
      await ui.waitForFrame('Short Lived (short-lived)');
      ui.press('suspendResume');
      await ui.waitForFrame('Suspend short-lived');
      ui.type('unpaid invoice');
      ui.key('enter');
      await ui.waitForFrame('The plan (nothing is written until you confirm)');
      ui.key('enter');
      await ui.waitForFrame(/Status +‖ suspended/);
      ui.press('suspendResume');
      await ui.waitForFrame(/Resume short-lived, suspended since/);
      ui.key('enter');
      await ui.waitForFrame(/Status +✓ active/);

      ui.press('deleteTenant');
      await ui.waitForFrame('Type the exact name "Short Lived" to confirm');
      ui.type('Short');
      ui.key('enter');
      expect(ui.frame()).toContain('Type the exact name');
      ui.type(' Lived');
      ui.key('enter');
      await ui.waitForFrame(/short-lived is pending deletion until/);
      await ui.waitForFrame('Tenants');
      expect((await client.tenants.get('short-lived')).status).toBe('pending_deletion');
    } finally {
      ui.unmount();
    }
  });
});

describe('console: provisioning wizard', () => {
  it('validates as typed, reviews the plan, provisions and shows the one-time password once', async () => {
    const ui = renderConsole(client, { columns: 120, rows: 30 });
    try {
      await ui.waitForFrame('acme-corp');
      ui.press('newTenant');
      await ui.waitForFrame('New tenant');
      ui.type('Wizard Works');
      ui.key('tab');
      ui.key('tab');
      ui.type('not-an-email');
      ui.key('tab');
      await ui.waitForFrame('✗ must be an email address');
      ui.key('shift+tab');
      ui.key('ctrl+u');
      ui.type('owner@wizard.test');
      ui.key('tab');
      ui.key('tab');
      ui.key('right');
      await ui.waitForFrame('‹ professional ›');
      ui.key('enter');
      const plan = await ui.waitForFrame('The plan (nothing is written until you confirm)');
      expect(plan).toContain('Create tenant "Wizard Works" (wizard-works) on plan professional');
      ui.key('enter');
      const result = await ui.waitForFrame('shown once');
      expect(result).toMatch(/One-time password: \S{24} \(shown once/);
      ui.key('enter');
      await ui.waitForFrame('Wizard Works (wizard-works)');
      expect((await client.tenants.get('wizard-works')).plan).toBe('professional');
    } finally {
      ui.unmount();
    }
  });

  it('refuses every change when read-only', async () => {
    const ui = renderConsole(client, { columns: 100, rows: 24 }, true);
    try {
      await ui.waitForFrame('READ-ONLY');
      ui.press('newTenant');
      const frame = await ui.waitForFrame('read-only');
      expect(frame).toContain('FORBIDDEN');
      expect(frame).not.toContain('New tenant');
    } finally {
      ui.unmount();
    }
  });
});
