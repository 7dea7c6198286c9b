import { describe, expect, it } from 'vitest';
import { describeOperation, operationIds, type TenantDetailsDto } from '@tenantry/sdk';
import { CONSOLE_ACTIONS, OPERATIONS_OF, USER_SELF_SERVICE, type ConsoleActionId } from './actions/action-ids.ts';
import { RUNNERS } from './actions/runners.ts';
import { KEYMAP, type ActionId } from './keymap.ts';
import { initialState } from './state/initial.ts';
import { reduceConsole, screenScopes } from './state/reduce.ts';
import type { ConsoleRoute, ConsoleState, ScreenInfo, Selection } from './state/types.ts';

/**
 * Every operation of the registry is reachable in the console: some console action runs it, a key opens
 * that action, and pressing the key on its screen really opens its form or its plan.
 */
describe('console coverage of the operation registry', () => {
  it('runs every operation of the registry and names no operation that does not exist', () => {
    const covered = new Set(Object.values(OPERATIONS_OF).flat());
    expect(operationIds().filter((id) => !covered.has(id) && !USER_SELF_SERVICE.includes(id))).toEqual([]);
    // Left out only where the user's own credential is the input: never an operator's operation.
    for (const id of USER_SELF_SERVICE) expect([covered.has(id), describeOperation(id).scope]).toEqual([false, 'credential']);
    expect([...covered].filter((id) => !operationIds().includes(id))).toEqual([]);
  });

  it('has a runner and a key for every console action', () => {
    const opened = new Set(Object.values(CONSOLE_ACTIONS).flat());
    for (const action of Object.keys(OPERATIONS_OF) as ConsoleActionId[]) {
      expect(RUNNERS[action], action).toBeDefined();
      expect(opened.has(action), `${action} is opened by no key`).toBe(true);
    }
  });

  it.each((Object.entries(CONSOLE_ACTIONS) as [ActionId, ConsoleActionId[]][]).flatMap(([key, actions]) => actions.map((action) => [key, action] as const)))(
    'the %s key opens %s',
    (keyAction, action) => {
      const where = WHERE[action];
      const binding = KEYMAP.find((candidate) => candidate.action === keyAction && screenScopes(where.route).includes(candidate.scope));
      expect(binding, `no ${keyAction} key on the ${where.route.screen} screen`).toBeDefined();
      let state = reduceConsole(stateOn(where.route), keyEvent(binding?.keys[0] ?? '', where));
      // The wizard is a screen, not a dialog: its enter asks for the provisioning plan.
      if (action === 'provision') {
        expect(state.route.screen).toBe('wizard');
        state = reduceConsole(
          { ...state, wizard: { ...state.wizard, values: { ...state.wizard.values, name: 'Acme', ownerEmail: 'o@acme.test' } } },
          keyEvent('enter', where),
        );
      }
      const opened = state.dialog?.kind === 'form' ? state.dialog.action : state.request?.action;
      expect(opened).toBe(action);
      expect(reduceConsole(stateOn(where.route, true), keyEvent(binding?.keys[0] ?? '', where)).notice?.text).toContain('read-only');
    },
  );
});

interface Where {
  route: ConsoleRoute;
  selection?: Selection;
  status?: TenantDetailsDto['status'];
}

const TENANT: ConsoleRoute = { screen: 'tenant', slug: 'acme' };
const row = (kind: Selection['kind'], label: string, facts?: Record<string, unknown>): Selection => ({
  kind,
  id: `${kind}-1`,
  label,
  ...(facts ? { facts } : {}),
});

/** Where each action is opened from: its screen and the row under the cursor. */
const WHERE: Record<ConsoleActionId, Where> = {
  provision: { route: { screen: 'tenants' } },
  bulkProvision: { route: { screen: 'tenants' } },
  importTenant: { route: { screen: 'tenants' } },
  acceptInvitation: { route: { screen: 'tenants' } },
  migrateTenants: { route: { screen: 'tenants' } },
  exportTenant: { route: TENANT },
  restoreTables: { route: TENANT },
  suspend: { route: TENANT },
  resume: { route: TENANT, status: 'suspended' },
  deleteTenant: { route: TENANT },
  restore: { route: TENANT, status: 'pending_deletion' },
  purge: { route: TENANT, status: 'pending_deletion' },
  trial: { route: TENANT },
  setBilling: { route: TENANT },
  setMonitoring: { route: TENANT },
  seedDemo: { route: TENANT },
  changePlan: { route: TENANT },
  setFeature: { route: TENANT },
  updateSettings: { route: TENANT },
  updatePolicy: { route: TENANT },
  invite: { route: TENANT },
  resendInvitation: { route: TENANT, selection: row('invitation', 'new@acme.test') },
  revokeInvitation: { route: TENANT, selection: row('invitation', 'new@acme.test') },
  grantRole: { route: TENANT, selection: row('member', 'owner@acme.test', { roles: ['owner'] }) },
  revokeRole: { route: TENANT, selection: row('member', 'owner@acme.test', { roles: ['owner'] }) },
  removeMember: { route: TENANT, selection: row('member', 'owner@acme.test', { roles: ['owner'] }) },
  resetPassword: { route: TENANT, selection: row('member', 'owner@acme.test', { roles: ['owner'] }) },
  unlockUser: { route: TENANT, selection: row('member', 'owner@acme.test', { roles: ['owner'] }) },
  resetTotp: { route: TENANT, selection: row('member', 'owner@acme.test', { roles: ['owner'] }) },
  addDomain: { route: TENANT },
  verifyDomain: { route: TENANT, selection: row('domain', 'portal.acme.test') },
  makePrimary: { route: TENANT, selection: row('domain', 'portal.acme.test') },
  removeDomain: { route: TENANT, selection: row('domain', 'portal.acme.test') },
  createKey: { route: TENANT },
  rotateKey: { route: TENANT, selection: row('key', 'abcd1234') },
  revokeKey: { route: TENANT, selection: row('key', 'abcd1234') },
  replayEvent: { route: TENANT, selection: row('event', 'tenant.created') },
  addWebhook: { route: { screen: 'platform' } },
  enableWebhook: { route: { screen: 'platform' }, selection: row('webhook', 'https://hooks.test/') },
  removeWebhook: { route: { screen: 'platform' }, selection: row('webhook', 'https://hooks.test/') },
  createToken: { route: { screen: 'platform' } },
  revokeToken: { route: { screen: 'platform' }, selection: row('token', 'abcd1234') },
  repair: { route: { screen: 'doctor' }, selection: row('finding', 'NO_PRIMARY_DOMAIN') },
  notify: { route: { screen: 'doctor' } },
  migrateDatabase: { route: { screen: 'doctor' } },
};

function stateOn(route: ConsoleRoute, readonly = false): ConsoleState {
  return { ...initialState(readonly), route };
}

function keyEvent(key: string, where: Where) {
  const screen: ScreenInfo = {
    rows: where.selection ? [where.selection] : [],
    pageSize: 10,
    tenant: where.route.screen === 'tenant' ? tenant(where.status ?? 'active') : null,
  };
  return { type: 'key' as const, key, screen };
}

/** The open tenant as the forms read it (the console's own view of it, not the database). */
function tenant(status: TenantDetailsDto['status']): TenantDetailsDto {
  return {
    slug: 'acme',
    name: 'Acme',
    status,
    plan: 'basic',
    domains: [],
    features: {},
    settings: {},
    timeZone: 'UTC',
    paidUntil: null,
    trialDaysLeft: null,
    contactEmail: null,
    supportEmail: null,
    supportPhone: null,
    securityPolicy: {
      require2fa: false,
      sessionTimeoutMinutes: 480,
      allowedIpRanges: [],
      password: { minLength: 8, requireUppercase: false, requireLowercase: false, requireNumbers: false, requireSymbols: false },
    },
  } as unknown as TenantDetailsDto;
}
