import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { createTenantry, type TenantryClient } from '@tenantry/sdk';
import { renderConsole } from './testing/render-console.tsx';

let database: TestDatabase;
let client: TenantryClient;

beforeAll(async () => {
  database = await createTestDatabase();
  client = await createTenantry(database.sdkOptions);
  for (const [name, slug] of [
    ['Acme Corp', 'acme-corp'],
    ['Acme Labs', 'acme-labs'],
    ['Dunder Mifflin', 'dunder-mifflin'],
  ] as const)
    await client.tenants.provision({ name, slug, ownerEmail: `owner@${slug}.test` });
});

afterAll(async () => {
  await client?.close();
  await database?.drop();
});

/** The `:` prompt's row. */
const promptRow = (frame: string) => frame.split('\n').find((line) => line.startsWith(':')) ?? '';

describe('console: the : jump prompt', () => {
  it('tab-completes a tenant slug of the loaded list, and opens it', async () => {
    const ui = renderConsole(client, { columns: 100, rows: 24 });
    try {
      await ui.waitForFrame('dunder-mifflin');
      ui.type(':dun');
      expect(promptRow(await ui.waitForFrame(':dun'))).toMatch(/^:dun +dunder-mifflin/);
      ui.key('tab');
      await ui.waitForFrame(/^:dunder-mifflin /m);
      ui.key('enter');
      await ui.waitForFrame('Dunder Mifflin (dunder-mifflin)');
    } finally {
      ui.unmount();
    }
  });

  it('shows the candidates matching, and cycles through them with repeated tabs (shift+tab back)', async () => {
    const ui = renderConsole(client, { columns: 100, rows: 24 });
    try {
      await ui.waitForFrame('acme-labs');
      ui.type(':acme');
      const row = promptRow(await ui.waitForFrame(':acme'));
      expect(row).toMatch(/acme-corp acme-labs/);
      expect(row).not.toContain('dunder-mifflin');
      ui.key('tab');
      await ui.waitForFrame(/^:acme-corp /m);
      ui.key('tab');
      await ui.waitForFrame(/^:acme-labs /m);
      ui.key('tab');
      await ui.waitForFrame(/^:acme-corp /m);
      ui.key('shift+tab');
      await ui.waitForFrame(/^:acme-labs /m);
      // Screen names complete too.
      ui.key('ctrl+u');
      ui.type('d');
      expect(promptRow(await ui.waitForFrame(/^:d /m))).toMatch(/doctor dunder-mifflin/);
      ui.key('tab');
      await ui.waitForFrame(/^:doctor /m);
      ui.key('enter');
      await ui.waitForFrame('checks found nothing wrong');
    } finally {
      ui.unmount();
    }
  });

  it('refuses a slug no tenant has with an error naming it, and the screen stays', async () => {
    const ui = renderConsole(client, { columns: 100, rows: 24 });
    try {
      await ui.waitForFrame('acme-labs');
      ui.type(':acme-crop\r');
      const refused = await ui.waitForFrame('No tenant "acme-crop"');
      expect(refused).toContain('TENANT_NOT_FOUND');
      expect(refused).toMatch(/Tenants +sorted by slug/);
      expect(refused).not.toContain('acme-crop (');

      ui.type(':acme-labs\r');
      await ui.waitForFrame('Acme Labs (acme-labs)');
      ui.type(':nobody\r');
      const stays = await ui.waitForFrame('No tenant "nobody"');
      expect(stays).toContain('Acme Labs (acme-labs)');
    } finally {
      ui.unmount();
    }
  });
});
