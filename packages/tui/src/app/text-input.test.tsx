import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { createTenantry, slugFromName, type TenantryClient } from '@tenantry/sdk';
import { renderConsole } from './testing/render-console.tsx';

let database: TestDatabase;
let client: TenantryClient;

beforeAll(async () => {
  database = await createTestDatabase();
  client = await createTenantry(database.sdkOptions);
  for (const name of ['Acme Corp', 'Globex']) await client.tenants.provision({ name, ownerEmail: `owner@${slugFromName(name)}.test` });
});

afterAll(async () => {
  await client?.close();
  await database?.drop();
});

const LEFT = '\u001b[D';
const footer = (frame: string) => frame.trimEnd().split('\n').at(-1) ?? '';
const rowOf = (frame: string, label: string) => frame.split('\n').find((line) => line.startsWith(label)) ?? '';

describe('console: text fields have a cursor', () => {
  it('inserts where the cursor is in the wizard: Acme Crop, three times left, X; home, end and the word keys too', async () => {
    const ui = renderConsole(client, { columns: 100, rows: 30 });
    try {
      await ui.waitForFrame('acme-corp');
      ui.press('newTenant');
      await ui.waitForFrame('Organization name');
      ui.type('Acme Crop');
      ui.key('left');
      ui.key('left');
      ui.key('left');
      ui.type('X');
      expect(rowOf(await ui.waitForFrame('Acme CXrop'), 'Organization name')).toMatch(/Organization name +Acme CXrop/);
      ui.key('home');
      ui.type('The ');
      ui.key('ctrl+e');
      ui.type(' Ltd');
      await ui.waitForFrame('The Acme CXrop Ltd');
      ui.key('ctrl+w');
      ui.key('ctrl+a');
      ui.key('delete');
      ui.key('ctrl+right');
      ui.key('backspace');
      // ctrl+w took "Ltd", delete the T, ctrl+right went past "he", backspace took its e.
      await ui.waitForFrame(/Organization name +h Acme CXrop\s*$/m);
      // ←/→ on a choice field still choose.
      for (let field = 0; field < 4; field++) ui.key('tab');
      ui.key('right');
      await ui.waitForFrame('‹ professional ›');
    } finally {
      ui.unmount();
    }
  });

  it('edits the / filter, the : prompt and a form field at the cursor, keys of one chunk seeing each other', async () => {
    const ui = renderConsole(client, { columns: 100, rows: 30 });
    try {
      await ui.waitForFrame('globex');
      // One chunk, as a paste or tmux delivers it: the inserted o lands where the arrows put the cursor.
      ui.type(`/glbex${LEFT}${LEFT}${LEFT}o`);
      expect(await ui.waitForFrame('/globex')).not.toContain('acme-corp');
      ui.key('escape');
      await ui.waitForFrame('acme-corp');

      ui.type(`:acme-crp${LEFT}${LEFT}o`);
      await ui.waitForFrame(':acme-corp');
      ui.key('enter');
      await ui.waitForFrame('Acme Corp (acme-corp)');

      ui.key('4');
      await ui.waitForFrame('No domains');
      ui.key('a');
      await ui.waitForFrame('Add a domain to acme-corp');
      ui.type('portl.acme.test');
      ui.key('home');
      for (let step = 0; step < 4; step++) ui.key('right');
      ui.type('a');
      await ui.waitForFrame(/Hostname +portal\.acme\.test/);
      ui.key('enter');
      await ui.waitForFrame('Add portal.acme.test to acme-corp');
    } finally {
      ui.unmount();
    }
  });
});

describe('console: the footer says what the keys do here', () => {
  it('shows q quit over a list, and ctrl+c quit (never q quit) while a text field has the focus, where q is typed', async () => {
    const ui = renderConsole(client, { columns: 120, rows: 30 });
    try {
      expect(footer(await ui.waitForFrame('acme-corp'))).toMatch(/^q quit/);

      ui.press('filter');
      ui.type('q');
      const filtering = await ui.waitForFrame('/q');
      expect(footer(filtering)).toContain('ctrl+c quit');
      expect(footer(filtering)).not.toContain('q quit');
      ui.key('escape');
      await ui.waitForFrame('globex');

      ui.press('jump');
      await ui.waitForFrame('tab completes');
      expect(footer(ui.frame())).not.toContain('q quit');
      ui.key('escape');
      await ui.waitForFrame(/^(?![\s\S]*tab completes)/);

      ui.press('newTenant');
      const wizard = await ui.waitForFrame('Organization name');
      expect(footer(wizard)).toMatch(/^ctrl\+c quit .*←\/→ cursor/);
      ui.type('q');
      await ui.waitForFrame(/Organization name +q/);
      for (let field = 0; field < 4; field++) ui.key('tab');
      expect(footer(await ui.waitForFrame('←/→ choose'))).toMatch(/^ctrl\+c quit /);
      ui.key('escape');
      await ui.waitForFrame('Tenants');

      ui.type(':acme-corp\r');
      await ui.waitForFrame('Acme Corp (acme-corp)');
      ui.press('invite');
      const form = await ui.waitForFrame('Invite a member to acme-corp');
      expect(footer(form)).toContain('ctrl+c quit');
      expect(footer(form)).not.toContain('q quit');
    } finally {
      ui.unmount();
    }
  });

  it('has the help say the same: letters are text in a field, ctrl+c quits', async () => {
    const ui = renderConsole(client, { columns: 120, rows: 40 });
    try {
      await ui.waitForFrame('acme-corp');
      ui.press('help');
      await ui.waitForFrame('Keys (? or esc closes');
      ui.key('end');
      const help = await ui.waitForFrame('Text fields');
      expect(help).toMatch(/letters, q too +Are text: ctrl\+c quits/);
      expect(help).toMatch(/home, ctrl\+a +Move the cursor to the start/);
    } finally {
      ui.unmount();
    }
  });
});

describe('console: the wizard', () => {
  it('shows the slug provisioning will derive from the name as it is typed', async () => {
    const ui = renderConsole(client, { columns: 100, rows: 30 });
    try {
      await ui.waitForFrame('acme-corp');
      ui.press('newTenant');
      expect(rowOf(await ui.waitForFrame('Organization name'), 'Slug')).toMatch(/Slug +\(derived from the name\)/);
      ui.type('Straße Øresund');
      const slug = slugFromName('Straße Øresund');
      expect(rowOf(await ui.waitForFrame(slug), 'Slug')).toMatch(new RegExp(`Slug +${slug} \\(derived from the name\\)`));
      expect(slug).toBe('strasse-oresund');
    } finally {
      ui.unmount();
    }
  });

  it('lines the Features row up with the other rows, at 80 columns too', async () => {
    const ui = renderConsole(client, { columns: 80, rows: 24 });
    try {
      await ui.waitForFrame('acme-corp');
      ui.press('newTenant');
      const frame = await ui.waitForFrame('Features');
      const column = (label: string, mark: string) => rowOf(frame, label).indexOf(mark);
      expect(column('Features', '[')).toBe(column('Plan', '‹'));
      expect(column('Features', '[')).toBe(column('Isolation', '‹'));
    } finally {
      ui.unmount();
    }
  });
});
