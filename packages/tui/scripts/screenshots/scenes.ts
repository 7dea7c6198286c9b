import type { TmuxPane } from './tmux-pane.ts';

/** Keeps the screen as it is now under `name` (docs/images/console-<name>.svg), titled `title`. */
export type Shoot = (name: string, title: string) => Promise<void>;

const has =
  (...texts: string[]) =>
  (screen: string) =>
    texts.every((text) => screen.includes(text));

/**
 * Walks the console through what the docs show, waiting for each state on the screen: the tenant table
 * with every tenant's health in, one tenant's overview and members, the new-tenant wizard filled in,
 * a prefilled settings form (cancelled), the doctor and the plan of a repair (cancelled: nothing is
 * written), the platform screen, then quits.
 */
export async function walkConsole(pane: TmuxPane, shoot: Shoot): Promise<void> {
  await pane.waitFor('the tenant table with its health', (screen) => has('stark-logistics', '✗ failing', 'refreshed')(screen) && !screen.includes('checking'));
  await shoot('tenants', 'tenantry console · tenants');

  await pane.keys('Enter');
  await pane.waitFor("Acme Corp's overview", has('Acme Corp (acme-corp)', 'dana@acme.com'));
  await shoot('tenant-overview', 'tenantry console · acme-corp · overview');

  await pane.keys('e');
  await pane.waitFor("Acme Corp's settings form", has('Settings of acme-corp', 'America/Edmonton'));
  await shoot('tenant-settings', 'tenantry console · acme-corp · settings');
  await pane.keys('Escape');
  await pane.waitFor("Acme Corp's overview", has('Acme Corp (acme-corp)', 'dana@acme.com'));

  await pane.keys('2');
  await pane.waitFor("Acme Corp's members", has('EMAIL', 'mei.chen@acme.com'));
  await shoot('tenant-members', 'tenantry console · acme-corp · members');

  await pane.keys('Escape');
  await pane.waitFor('the tenant table', has('sorted by slug'));
  await pane.keys('n');
  await pane.waitFor('the wizard', has('New tenant'));
  await pane.type('Hooli');
  await pane.keys('Tab', 'Tab');
  await pane.type('gavin@hooli.com');
  await pane.keys('Tab');
  await pane.type('Gavin Belson');
  await pane.keys('Tab', 'Right', 'Tab', 'Tab', 'Tab');
  await pane.type('30');
  // Keys reach the console in order, so the backspaces act on the time zone field the tab moved to.
  await pane.keys('Tab', 'BSpace', 'BSpace', 'BSpace');
  await pane.type('America/Los_Angeles');
  await pane.waitFor('the wizard filled in', has('Gavin Belson', '‹ professional ›', 'Time zone              America/Los_Angeles'));
  await shoot('wizard', 'tenantry console · new tenant');

  await pane.keys('Escape');
  await pane.waitFor('the tenant table', has('sorted by slug'));
  await pane.keys('d');
  await pane.waitFor('the doctor', has('✗ Errors', 'NO_PRIMARY_DOMAIN'));
  await shoot('doctor', 'tenantry console · doctor');

  await pane.keys('Enter');
  await pane.waitFor('the repair plan', has('The plan (nothing is written until you confirm)'));
  await shoot('repair-plan', 'tenantry console · doctor · repair plan');

  await pane.keys('Escape');
  await pane.waitFor('the doctor', has('✗ Errors'));
  await pane.keys('Escape');
  await pane.waitFor('the tenant table', has('sorted by slug'));
  await pane.keys('W');
  await pane.waitFor('the platform screen', has('billing.internal.example.com', 'Support dashboard'));
  await shoot('platform', 'tenantry console · platform');
  await pane.keys('q');
  await pane.ended();
}
