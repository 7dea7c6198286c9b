import type { ActionId } from '../keymap.ts';

/** Every operation the console can plan and apply. */
export type ConsoleActionId =
  | 'provision'
  | 'bulkProvision'
  | 'importTenant'
  | 'exportTenant'
  | 'restoreTables'
  | 'suspend'
  | 'resume'
  | 'deleteTenant'
  | 'restore'
  | 'purge'
  | 'trial'
  | 'setBilling'
  | 'setMonitoring'
  | 'seedDemo'
  | 'changePlan'
  | 'setFeature'
  | 'updateSettings'
  | 'updatePolicy'
  | 'invite'
  | 'resendInvitation'
  | 'revokeInvitation'
  | 'acceptInvitation'
  | 'grantRole'
  | 'revokeRole'
  | 'removeMember'
  | 'resetPassword'
  | 'unlockUser'
  | 'resetTotp'
  | 'addDomain'
  | 'verifyDomain'
  | 'makePrimary'
  | 'removeDomain'
  | 'createKey'
  | 'rotateKey'
  | 'revokeKey'
  | 'replayEvent'
  | 'addWebhook'
  | 'enableWebhook'
  | 'removeWebhook'
  | 'createToken'
  | 'revokeToken'
  | 'migrateTenants'
  | 'migrateDatabase'
  | 'repair'
  | 'notify';

/**
 * Operations only the user themselves runs, with their own password or authenticator code: the
 * application calls them (SDK, HTTP) from its login and account pages. An operator never types a user's
 * password, so the console offers the operator's side instead (reset the password, unlock, reset 2FA).
 */
export const USER_SELF_SERVICE: readonly string[] = ['user.change_password', 'user.enroll_totp', 'user.confirm_totp'];

/**
 * The operations of the registry (`operationIds()` in the SDK) each console action runs: the coverage
 * test walks the registry with it, so an operation no console action runs fails the build.
 */
export const OPERATIONS_OF: Record<ConsoleActionId, readonly string[]> = {
  provision: ['tenant.provision'],
  bulkProvision: ['tenant.provision'],
  importTenant: ['tenant.import'],
  exportTenant: ['tenant.export'],
  restoreTables: ['tenant.restore_tables'],
  suspend: ['tenant.suspend'],
  resume: ['tenant.resume'],
  deleteTenant: ['tenant.delete'],
  restore: ['tenant.restore'],
  purge: ['tenant.purge'],
  trial: ['tenant.trial', 'tenant.end_trial'],
  setBilling: ['tenant.billing'],
  setMonitoring: ['tenant.monitoring'],
  seedDemo: ['tenant.seed_demo'],
  changePlan: ['tenant.plan'],
  setFeature: ['tenant.feature'],
  updateSettings: ['tenant.settings'],
  updatePolicy: ['tenant.policy'],
  invite: ['invitation.send'],
  resendInvitation: ['invitation.resend'],
  revokeInvitation: ['invitation.revoke'],
  acceptInvitation: ['invitation.accept'],
  grantRole: ['role.grant'],
  revokeRole: ['role.revoke'],
  removeMember: ['member.remove'],
  resetPassword: ['user.reset_password'],
  unlockUser: ['user.unlock'],
  resetTotp: ['user.reset_totp'],
  addDomain: ['domain.add'],
  verifyDomain: ['domain.verify'],
  makePrimary: ['domain.primary'],
  removeDomain: ['domain.remove'],
  createKey: ['apikey.create'],
  rotateKey: ['apikey.rotate'],
  revokeKey: ['apikey.revoke'],
  replayEvent: ['webhook.replay'],
  addWebhook: ['webhook.add'],
  enableWebhook: ['webhook.enable'],
  removeWebhook: ['webhook.remove'],
  createToken: ['token.create'],
  revokeToken: ['token.revoke'],
  migrateTenants: ['migrate.apply'],
  migrateDatabase: ['database.migrate'],
  repair: ['health.repair'],
  notify: ['health.notify'],
};

/**
 * Which console actions a key opens, by keymap action: one key may open several (x revokes a key or an
 * invitation, removes a member or a domain, by what is selected). The coverage test presses each.
 */
export const CONSOLE_ACTIONS: Partial<Record<ActionId, readonly ConsoleActionId[]>> = {
  newTenant: ['provision'],
  bulkImport: ['bulkProvision'],
  importTenant: ['importTenant'],
  exportTenant: ['exportTenant'],
  restoreTables: ['restoreTables'],
  suspendResume: ['suspend', 'resume'],
  deleteTenant: ['deleteTenant'],
  restoreTenant: ['restore'],
  purgeTenant: ['purge'],
  trial: ['trial'],
  billing: ['setBilling'],
  monitoring: ['setMonitoring'],
  seedDemo: ['seedDemo'],
  changePlan: ['changePlan'],
  feature: ['setFeature'],
  settings: ['updateSettings'],
  policy: ['updatePolicy'],
  invite: ['invite'],
  acceptInvitation: ['acceptInvitation'],
  renewItem: ['resendInvitation', 'rotateKey', 'replayEvent'],
  revokeItem: ['revokeInvitation', 'revokeKey', 'removeMember', 'removeDomain', 'removeWebhook', 'revokeToken'],
  grantRole: ['grantRole'],
  revokeRole: ['revokeRole'],
  resetPassword: ['resetPassword'],
  unlockMember: ['unlockUser'],
  resetTwoFactor: ['resetTotp'],
  addDomain: ['addDomain'],
  verifyDomain: ['verifyDomain'],
  makePrimary: ['makePrimary'],
  createKey: ['createKey'],
  addWebhook: ['addWebhook'],
  enableWebhook: ['enableWebhook'],
  createToken: ['createToken'],
  migrateTenants: ['migrateTenants'],
  migrateDatabase: ['migrateDatabase'],
  repair: ['repair'],
  notify: ['notify'],
};
