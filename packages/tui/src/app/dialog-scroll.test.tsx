import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { createTenantry, type TenantryClient } from '@tenantry/sdk';
import { renderConsole, type ConsoleHarness } from './testing/render-console.tsx';

let database: TestDatabase;
let client: TenantryClient;

beforeAll(async () => {
  database = await createTestDatabase();
  client = await createTenantry(database.sdkOptions);
  await client.tenants.provision({ name: 'Acme Corp', ownerEmail: 'owner@acme.test', plan: 'basic' });
});

afterAll(async () => {
  await client?.close();
  await database?.drop();
});

const lines = (frame: string) => frame.split('\n');

/** The next frame that differs from `previous`, polled as the harness polls: no fixed sleep. */
async function frameAfter(ui: ConsoleHarness, previous: string): Promise<string> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const current = ui.frame();
    if (current !== previous) return current;
    if (Date.now() > deadline) throw new Error(`the frame never changed from:\n${previous}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
/** The first words of a step as its first row shows it: "11. Record the audit". */
const stepStart = (number: number, description: string) => `${number}. ${description.split(' ').slice(0, 3).join(' ')}`;

describe('console: plans taller than the screen scroll', () => {
  it('at 80×24 keeps the title and the confirm line on screen, says where it is, and scrolls to the last step', async () => {
    const input = { name: 'Tall Plan', ownerEmail: 'owner@tall.test' };
    const { steps } = await client.tenants.provision(input, { dryRun: true });
    const ui = renderConsole(client, { columns: 80, rows: 24 });
    try {
      await ui.waitForFrame('acme-corp');
      ui.press('newTenant');
      await ui.waitForFrame('Organization name');
      ui.type(input.name);
      ui.key('tab');
      ui.key('tab');
      ui.type(input.ownerEmail);
      ui.key('enter');
      const top = await ui.waitForFrame('Provision Tall Plan (tall-plan)');
      expect(lines(top).length).toBeLessThanOrEqual(24);
      expect(top).toContain('enter or y applies · esc or n cancels');
      expect(top).toMatch(new RegExp(`steps 1(–\\d+)? of ${steps.length} · ↓ scrolls`));
      const last = stepStart(steps.length, steps.at(-1)?.description ?? '');
      expect(top).not.toContain(last);

      // Page by page every step comes into view, each page with the title and the confirm line.
      const pages = [top];
      while (!(pages.at(-1) ?? '').includes('↑ scrolls back')) {
        ui.key('pagedown');
        pages.push(await frameAfter(ui, pages.at(-1) ?? ''));
        expect(pages.length).toBeLessThan(100);
      }
      for (const [index, step] of steps.entries()) expect(pages.join('\n')).toContain(stepStart(index + 1, step.description));
      for (const page of pages) {
        expect(page).toContain('Provision Tall Plan (tall-plan)');
        expect(page).toContain('enter or y applies · esc or n cancels');
        expect(lines(page).every((line) => [...line].length <= 80)).toBe(true);
      }
      expect(pages.at(-1)).toMatch(new RegExp(`steps (\\d+–)?${steps.length} of ${steps.length} · ↑ scrolls back`));

      ui.key('k');
      await ui.waitForFrame('↑/↓ scroll (pgup/pgdn');
      ui.key('home');
      await ui.waitForFrame(/steps 1(–\d+)? of \d+ · ↓ scrolls/);
      ui.key('G');
      await ui.waitForFrame('↑ scrolls back');
      ui.key('escape');
      await ui.waitForFrame('Organization name');
    } finally {
      ui.unmount();
    }
  });

  it('wraps SQL under its step with a deeper indentation instead of cutting it', async () => {
    const ui = renderConsole(client, { columns: 80, rows: 24 });
    try {
      await ui.waitForFrame('acme-corp');
      ui.press('newTenant');
      await ui.waitForFrame('Organization name');
      ui.type('Wrapped Sql\t\towner@wrapped.test\r');
      const frame = await ui.waitForFrame('insert into "tenantry"."tenants"');
      const rows = lines(frame).map((line) => line.replace(/^║ /, '').replace(/ *║$/, ''));
      const start = rows.findIndex((row) => row.includes('insert into "tenantry"."tenants"'));
      const statementIndent = /^ */.exec(rows[start] ?? '')?.[0].length ?? 0;
      expect(rows[start + 1]).toMatch(new RegExp(`^ {${statementIndent + 2},}\\S`));
      expect(frame).not.toMatch(/insert into "tenantry"\."tenants".*…/);
    } finally {
      ui.unmount();
    }
  });
});

describe('console: a plan change', () => {
  it('lists each field change once, unnumbered, under its own heading', async () => {
    const ui = renderConsole(client, { columns: 120, rows: 40 });
    try {
      await ui.waitForFrame('acme-corp');
      ui.type(':acme-corp\r');
      await ui.waitForFrame('Acme Corp (acme-corp)');
      ui.press('changePlan');
      await ui.waitForFrame('Change the plan of acme-corp');
      ui.key('right');
      await ui.waitForFrame('‹ enterprise ›');
      ui.key('enter');
      const plan = await ui.waitForFrame('Upgrade acme-corp to enterprise');
      const { changes } = await client.plans.change({ slug: 'acme-corp', plan: 'enterprise' }, { dryRun: true });
      expect(plan).toContain(`Changes (${changes.length}):`);
      for (const change of changes) {
        const row = new RegExp(`${change.field.replace('.', '\\.')} +${String(change.from)} → ${String(change.to)}`, 'g');
        expect(plan.match(row), change.field).toHaveLength(1);
        expect(plan).toMatch(new RegExp(`^║ {3}${row.source} `, 'm'));
      }
      // Steps are numbered, and none of them repeats a change.
      const numbered = lines(plan).filter((line) => /^║ \d+\. /.test(line));
      expect(numbered).toHaveLength(2);
      expect(numbered.join('\n')).not.toContain('→');
    } finally {
      ui.unmount();
    }
  });
});

describe('console: adding a domain', () => {
  it('diffs the domains the tenant has before and after, not "(none)" before', async () => {
    await client.domains.add({ slug: 'acme-corp', hostname: 'first.acme.test' });
    const ui = renderConsole(client, { columns: 120, rows: 30 });
    try {
      await ui.waitForFrame('acme-corp');
      ui.type(':acme-corp\r');
      await ui.waitForFrame('Acme Corp (acme-corp)');
      ui.key('4');
      await ui.waitForFrame('first.acme.test');
      ui.key('a');
      await ui.waitForFrame('Add a domain to acme-corp');
      ui.type('second.acme.test\r');
      const plan = await ui.waitForFrame('Changes (1):');
      expect(plan).toMatch(/domains +first\.acme\.test → first\.acme\.test, second\.acme\.test/);
    } finally {
      ui.unmount();
    }
  });
});

describe('console: typing the exact name', () => {
  it('says live whether the typed text matches, and on enter that it does not and nothing was written', async () => {
    await client.tenants.provision({ name: 'Keep Me', ownerEmail: 'owner@keep.test' });
    const ui = renderConsole(client, { columns: 100, rows: 30 });
    try {
      await ui.waitForFrame('keep-me');
      ui.type(':keep-me\r');
      await ui.waitForFrame('Keep Me (keep-me)');
      ui.press('deleteTenant');
      await ui.waitForFrame('Type the exact name "Keep Me" to confirm');
      ui.type('keep me');
      await ui.waitForFrame('does not match the exact name yet (case and spaces count)');
      ui.key('enter');
      const refused = await ui.waitForFrame('Nothing was written: "keep me" does not match the exact name');
      expect(refused).toContain('Keep Me (keep-me)');
      ui.key('ctrl+u');
      ui.type('Keep Me');
      await ui.waitForFrame('✓ matches the exact name: enter applies');
      ui.key('escape');
      await ui.waitForFrame(/^(?![\s\S]*Type the exact name)/);
      expect((await client.tenants.get('keep-me')).status).toBe('active');
    } finally {
      ui.unmount();
    }
  });
});
