import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { createTenantry, type TenantryClient } from '@tenantry/sdk';
import { renderConsole, type ConsoleHarness } from './testing/render-console.tsx';

let database: TestDatabase;
let client: TenantryClient;
/** The DNS the client verifies custom domains with: TXT records by name. */
const dns = new Map<string, string[][]>();
const resolver = { resolveTxt: async (name: string) => dns.get(name) ?? Promise.reject(Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' })) };
const PLAN = 'The plan (nothing is written until you confirm)';

beforeAll(async () => {
  database = await createTestDatabase();
  client = await createTenantry({ ...database.sdkOptions, dnsResolver: resolver });
  await client.tenants.provision({ name: 'Umbrella', ownerEmail: 'owner@umbrella.test', plan: 'professional', trialDays: 10 });
  await client.tenants.provision({ name: 'Hooli', ownerEmail: 'owner@hooli.test', plan: 'basic' });
});

afterAll(async () => {
  await client?.close();
  await database?.drop();
});

describe('console: settings, policy, features and trial', () => {
  it('edits the settings from a prefilled form and sends only the fields changed', async () => {
    await client.tenants.updateSettings({ slug: 'umbrella', supportPhone: '+1 555 0100' });
    await withTenant('umbrella', async (ui) => {
      ui.press('settings');
      const form = await ui.waitForFrame('Settings of umbrella');
      expect(form).toMatch(/Support phone +\+1 555 0100/);
      ui.key('down');
      ui.key('down');
      ui.type('help@umbrella.test');
      ui.key('enter');
      const plan = await ui.waitForFrame(PLAN);
      expect(plan).toMatch(/supportEmail +\(none\) → help@umbrella\.test/);
      expect(plan).not.toContain('supportPhone');
      ui.key('enter');
      await ui.waitForFrame('Changed the settings of umbrella');
    });
    const tenant = await client.tenants.get('umbrella');
    expect(tenant.supportEmail).toBe('help@umbrella.test');
    expect(tenant.supportPhone).toBe('+1 555 0100');
  });

  it('shows custom settings on the overview and in the form, changes one and adds another', async () => {
    await client.tenants.updateSettings({ slug: 'hooli', custom: { language: 'fr', limits: { a: 1 } } });
    await withTenant('hooli', async (ui) => {
      await ui.waitForFrame(/Custom +custom\.language=fr · custom\.limits=\{"a":1\}/);
      ui.press('settings');
      const form = await ui.waitForFrame('Settings of hooli');
      expect(form).toMatch(/custom\.language +fr/);
      for (let field = 0; field < 7; field += 1) ui.key('down');
      ui.key('ctrl+u');
      ui.type('de');
      ui.key('down');
      ui.key('down');
      ui.type('custom.region="eu"');
      ui.key('enter');
      const plan = await ui.waitForFrame(PLAN);
      expect(plan).toMatch(/settings\.custom\.language +fr → de/);
      expect(plan).toMatch(/settings\.custom\.region +\(none\) → eu/);
      expect(plan).not.toContain('settings.custom.limits');
      ui.key('enter');
      await ui.waitForFrame('Changed the settings of hooli');
    });
    expect((await client.tenants.get('hooli')).settings.custom).toEqual({ language: 'de', limits: { a: 1 }, region: 'eu' });
  });

  it('says there is nothing to change when the form is left as it opened, and writes nothing', async () => {
    const before = (await client.audit.list({ tenant: 'umbrella' })).length;
    await withTenant('umbrella', async (ui) => {
      ui.press('policy');
      await ui.waitForFrame('Security policy of umbrella');
      ui.key('enter');
      await ui.waitForFrame('Nothing to change: no field differs');
      ui.key('enter');
      await ui.waitForFrame('Nothing changed');
    });
    expect((await client.audit.list({ tenant: 'umbrella' })).length).toBe(before);
  });

  it('requires 2FA and a longer password through the policy form', async () => {
    await withTenant('umbrella', async (ui) => {
      ui.press('policy');
      await ui.waitForFrame('Security policy of umbrella');
      ui.key('space');
      ui.key('down');
      ui.key('down');
      ui.key('ctrl+u');
      ui.type('14');
      ui.key('enter');
      const plan = await ui.waitForFrame(PLAN);
      expect(plan).toMatch(/require2fa +false → true/);
      expect(plan).toMatch(/password\.minLength +\d+ → 14/);
      ui.key('enter');
      await ui.waitForFrame('Changed the security policy of umbrella');
    });
    const { securityPolicy } = await client.tenants.get('umbrella');
    expect(securityPolicy.require2fa).toBe(true);
    expect(securityPolicy.password.minLength).toBe(14);
  });

  it('switches a feature on, and extends then ends the trial', async () => {
    await withTenant('hooli', async (ui) => {
      ui.press('feature');
      await ui.waitForFrame('Switch a feature of hooli');
      ui.key('right');
      await ui.waitForFrame('‹ api_access → on ›');
      ui.key('enter');
      await ui.waitForFrame(PLAN);
      ui.key('enter');
      await ui.waitForFrame('api_access is on for hooli');
    });
    expect((await client.tenants.get('hooli')).features.api_access).toBe(true);

    const before = (await client.tenants.get('umbrella')).trialEndsAt ?? '';
    await withTenant('umbrella', async (ui) => {
      ui.press('trial');
      await ui.waitForFrame('The trial of umbrella');
      ui.key('enter');
      await ui.waitForFrame(PLAN);
      ui.key('enter');
      await ui.waitForFrame('The trial of umbrella ends');
      ui.press('trial');
      await ui.waitForFrame('‹ extend ›');
      ui.key('right');
      await ui.waitForFrame('‹ end ›');
      ui.key('enter');
      await ui.waitForFrame(PLAN);
      ui.key('enter');
      await ui.waitForFrame('The trial of umbrella has ended');
    });
    const after = await client.tenants.get('umbrella');
    expect(after.trialDaysLeft).toBe(0);
    expect(new Date(after.trialEndsAt ?? 0).getTime()).toBeLessThan(new Date(before).getTime());
  });
});

describe('console: billing', () => {
  it('records until when the tenant has paid from a form, the plan first', async () => {
    await withTenant('hooli', async (ui) => {
      ui.press('billing');
      await ui.waitForFrame('Billing of hooli');
      ui.type('2027-06-30');
      ui.key('enter');
      const plan = await ui.waitForFrame(PLAN);
      expect(plan).toContain('Record hooli as paid until 2027-06-30T23:59:59.999Z');
      ui.key('enter');
      await ui.waitForFrame('hooli is paid until 2027-06-30');
      await ui.waitForFrame(/Paid until +\d+ days left \(until 2027-06-30\)/);
    });
    expect((await client.tenants.get('hooli')).paidUntil).toBe('2027-06-30T23:59:59.999Z');
  });

  it('sets where the doctor warns, sending only the thresholds changed', async () => {
    await withTenant('hooli', async (ui) => {
      ui.press('monitoring');
      await ui.waitForFrame('Where the doctor warns about hooli');
      ui.key('down');
      ui.key('down');
      ui.key('down');
      ui.type('75');
      ui.key('enter');
      const plan = await ui.waitForFrame(PLAN);
      expect(plan).toMatch(/warnAt\.storage +0\.8 → 0\.75/);
      ui.key('enter');
      await ui.waitForFrame('Changed where the doctor warns about hooli');
    });
    expect((await client.tenants.get('hooli')).settings.monitoring).toEqual({ storage: 0.75 });
  });
});

describe('console: demo data', () => {
  it('seeds the demo data of a tenant made without it, the statements shown first; a second time names the tables that hold rows', async () => {
    await client.tenants.provision({ name: 'Bare', ownerEmail: 'owner@bare.test', skipDemoData: true });
    await withTenant('bare', async (ui) => {
      ui.press('seedDemo');
      await ui.waitForFrame("Seed the blueprint's demo data into bare");
      ui.key('enter');
      const plan = await ui.waitForFrame(PLAN);
      expect(plan).toContain('Seed demo data in tenant_bare');
      expect(plan).toContain('insert into assets');
      ui.key('enter');
      await ui.waitForFrame('Seeded demo data in bare: assets +3, devices +2, qr_contents +2');
      ui.press('seedDemo');
      await ui.waitForFrame("Seed the blueprint's demo data into bare");
      ui.key('enter');
      await ui.waitForFrame('Tenant bare already has rows in assets (3 rows), devices (2 rows), qr_contents (2 rows)');
    });
    expect((await client.tenants.dataSpace('bare')).usage).toMatchObject({ assets: 3, devices: 2 });
  });
});

describe('console: members, invitations, keys, domains and events', () => {
  it('resets a member password (shown once) and removes a member', async () => {
    await client.invitations.send({ slug: 'hooli', email: 'dev@hooli.test', role: 'viewer' });
    const token = (await client.invitations.send({ slug: 'hooli', email: 'ops@hooli.test', role: 'analyst' })).invitation.token ?? '';
    await client.invitations.accept({ token, password: 'Correct-Horse-42!', name: 'Ops' });
    await withTenant('hooli', async (ui) => {
      ui.key('2');
      await ui.waitForFrame('ops@hooli.test');
      ui.key('down');
      ui.press('resetPassword');
      await ui.waitForFrame(PLAN);
      ui.key('enter');
      const reset = await ui.waitForFrame('One-time password:');
      expect(reset).toMatch(/One-time password: \S+ \(shown once/);
      ui.key('enter');
      ui.press('revokeItem');
      await confirmPlan(ui, 'Remove ops@hooli.test from hooli');
      await ui.waitForFrame('ops@hooli.test is no longer a member of hooli');
    });
    expect((await client.members.list('hooli')).map((member) => member.email)).toEqual(['owner@hooli.test']);
  });

  it('resends an invitation with a new token shown once', async () => {
    await withTenant('hooli', async (ui) => {
      ui.key('3');
      await ui.waitForFrame(/dev@hooli\.test +viewer/);
      const emails = (await client.invitations.list({ slug: 'hooli' })).map((invitation) => invitation.email);
      for (let index = 0; index < emails.indexOf('dev@hooli.test'); index += 1) ui.key('down');
      ui.press('renewItem');
      await confirmPlan(ui, 'Resend the invitation of dev@hooli.test');
      const sent = await ui.waitForFrame('Invitation token:');
      const token = /Invitation token: (\S+) \(shown once/.exec(sent)?.[1] ?? '';
      ui.key('enter');
      const accepted = await client.invitations.accept({ token, password: 'Another-Horse-42!' });
      expect(accepted.email).toBe('dev@hooli.test');
    });
  });

  it('rotates an API key: the new key shown once works, the old one keeps working for the overlap', async () => {
    await client.plans.setFeature({ slug: 'hooli', feature: 'api_access', enabled: true });
    const created = await client.apiKeys.create({ slug: 'hooli', name: 'CI', scopes: ['assets.*'] });
    await withTenant('hooli', async (ui) => {
      ui.key('5');
      await ui.waitForFrame(/CI +active/);
      ui.press('renewItem');
      await confirmPlan(ui, `Rotate the API key ${created.apiKey.prefix}`);
      const rotated = await ui.waitForFrame('API key:');
      expect(rotated).toContain('keeps working until');
      const key = /API key: (\S+) \(shown once/.exec(rotated)?.[1] ?? '';
      ui.key('enter');
      expect((await client.apiKeys.verify({ key })).valid).toBe(true);
      expect((await client.apiKeys.verify({ key: created.apiKey.key ?? '' })).valid).toBe(true);
    });
  });

  it('verifies a custom domain once its TXT record is published, and removes another', async () => {
    const portal = (await client.domains.add({ slug: 'hooli', hostname: 'portal.hooli.test' })).domain;
    await client.domains.add({ slug: 'hooli', hostname: 'old.hooli.test' });
    if (portal.verification) dns.set(portal.verification.recordName, [[portal.verification.recordValue]]);
    await withTenant('hooli', async (ui) => {
      ui.key('4');
      await ui.waitForFrame(/old\.hooli\.test[\s\S]*portal\.hooli\.test|portal\.hooli\.test[\s\S]*old\.hooli\.test/);
      const rows = (await client.domains.list('hooli')).map((domain) => domain.hostname);
      for (let index = 0; index < rows.indexOf('portal.hooli.test'); index += 1) ui.key('down');
      ui.press('verifyDomain');
      await confirmPlan(ui, 'Verify portal.hooli.test');
      await ui.waitForFrame('portal.hooli.test is verified');
      ui.key('home');
      for (let index = 0; index < rows.indexOf('old.hooli.test'); index += 1) ui.key('down');
      ui.press('revokeItem');
      await confirmPlan(ui, 'Remove old.hooli.test from hooli');
      await ui.waitForFrame('Removed old.hooli.test');
    });
    const domains = await client.domains.list('hooli');
    expect(domains.map((domain) => domain.hostname)).not.toContain('old.hooli.test');
    expect(domains.find((domain) => domain.hostname === 'portal.hooli.test')?.verified).toBe(true);
  });

  it('replays an event to the webhooks subscribed to it', async () => {
    const webhook = await client.webhooks.add({ url: 'https://hooks.example.test/tenantry', events: 'tenant.*' });
    await withTenant('hooli', async (ui) => {
      ui.key('8');
      await ui.waitForFrame('r replay the selected event');
      ui.key('end');
      ui.press('renewItem');
      await confirmPlan(ui, /Replay the event tenant\./);
      await ui.waitForFrame(/Queued tenant\.\S+ again: 1 delivery/);
    });
    const deliveries = await client.webhooks.deliveries({ endpoint: webhook.webhook.id });
    expect(deliveries.length).toBeGreaterThan(0);
    await client.webhooks.remove({ id: webhook.webhook.id });
  });
});

describe('console: restore and purge', () => {
  it('restores a tenant pending deletion, then purges it after typing its exact name', async () => {
    await client.tenants.provision({ name: 'Vandelay', ownerEmail: 'art@vandelay.test' });
    await client.tenants.delete({ slug: 'vandelay', confirm: 'Vandelay' });
    await withTenant('vandelay', async (ui) => {
      await ui.waitForFrame('u restore');
      ui.press('restoreTenant');
      await confirmPlan(ui, 'Restore vandelay');
      await ui.waitForFrame('vandelay is restored');
    });
    expect((await client.tenants.get('vandelay')).status).toBe('active');

    await client.tenants.delete({ slug: 'vandelay', confirm: 'Vandelay' });
    await withTenant('vandelay', async (ui) => {
      ui.press('purgeTenant');
      await ui.waitForFrame('Skip the grace period');
      ui.key('right');
      ui.key('enter');
      await ui.waitForFrame('Type the exact name "Vandelay" to confirm');
      ui.type('vandelay');
      ui.key('enter');
      await ui.waitForFrame('does not match the exact name');
      ui.key('ctrl+u');
      ui.type('Vandelay');
      ui.key('enter');
      await ui.waitForFrame('Purged vandelay');
    });
    expect((await client.tenants.list()).items.map((tenant) => tenant.slug)).not.toContain('vandelay');
  });
});

/** Waits for the plan titled `title` (not its "planning…" dialog, which has the same title) and applies it. */
async function confirmPlan(ui: ConsoleHarness, title: string | RegExp): Promise<void> {
  const titled = typeof title === 'string' ? (frame: string) => frame.includes(title) : (frame: string) => title.test(frame);
  const frame = await ui.waitForFrame(PLAN);
  if (!titled(frame)) throw new Error(`the plan shown is not titled ${String(title)}:\n${frame}`);
  ui.key('enter');
}

/** Opens the console on a tenant's detail and runs `steps`; the console is always unmounted. */
async function withTenant(slug: string, steps: (ui: ConsoleHarness) => Promise<void>): Promise<void> {
  const ui = renderConsole(client, { columns: 120, rows: 30 });
  try {
    await ui.waitForFrame('Tenants');
    ui.type(`:${slug}\r`);
    await ui.waitForFrame(`(${slug})`);
    await ui.waitForFrame(/Status +\S/);
    await steps(ui);
  } finally {
    ui.unmount();
  }
}
