/**
 * Every key binding of the console, in one place: the key handlers, the footer hints, the help overlay
 * and docs/keybindings.md all read it.
 */
export const SCOPES = ['global', 'list', 'tenants', 'tenant', 'wizard', 'doctor', 'platform', 'dialog', 'text'] as const;
export type Scope = (typeof SCOPES)[number];

export const SCOPE_TITLES: Record<Scope, string> = {
  global: 'Everywhere',
  list: 'Lists and tables',
  tenants: 'Tenants',
  tenant: 'Tenant detail',
  wizard: 'New tenant wizard',
  doctor: 'Doctor',
  platform: 'Platform (webhooks and service tokens)',
  dialog: 'Dialogs (plans, forms, confirmations)',
  text: 'Text fields (forms, wizard, / filter, : jump, typed names)',
};

export type ActionId =
  | 'quit'
  | 'help'
  | 'back'
  | 'jump'
  | 'refresh'
  | 'up'
  | 'down'
  | 'pageUp'
  | 'pageDown'
  | 'top'
  | 'bottom'
  | 'filter'
  | 'sort'
  | 'reverse'
  | 'open'
  | 'newTenant'
  | 'doctor'
  | 'nextTab'
  | 'previousTab'
  | 'selectTab'
  | 'suspendResume'
  | 'invite'
  | 'grantRole'
  | 'revokeRole'
  | 'addDomain'
  | 'makePrimary'
  | 'createKey'
  | 'revokeItem'
  | 'changePlan'
  | 'deleteTenant'
  | 'restoreTenant'
  | 'purgeTenant'
  | 'trial'
  | 'billing'
  | 'monitoring'
  | 'seedDemo'
  | 'feature'
  | 'settings'
  | 'policy'
  | 'renewItem'
  | 'resetPassword'
  | 'unlockMember'
  | 'resetTwoFactor'
  | 'verifyDomain'
  | 'exportTenant'
  | 'restoreTables'
  | 'importTenant'
  | 'bulkImport'
  | 'acceptInvitation'
  | 'migrateTenants'
  | 'platform'
  | 'addWebhook'
  | 'enableWebhook'
  | 'createToken'
  | 'migrateDatabase'
  | 'notify'
  | 'nextField'
  | 'previousField'
  | 'choiceNext'
  | 'choicePrevious'
  | 'toggle'
  | 'submit'
  | 'repair'
  | 'confirm'
  | 'cancel'
  | 'cursorLeft'
  | 'cursorRight'
  | 'wordLeft'
  | 'wordRight'
  | 'lineStart'
  | 'lineEnd'
  | 'deleteBackward'
  | 'deleteForward'
  | 'deleteToStart'
  | 'deleteToEnd'
  | 'deleteWordBackward'
  | 'complete'
  | 'completePrevious';

export interface Binding {
  action: ActionId;
  keys: readonly string[];
  description: string;
  scope: Scope;
  /** Short label for the footer; bindings without one are only in the help. */
  hint?: string;
  /** Changes data: disabled by --readonly. */
  mutates?: boolean;
}

export const KEYMAP: readonly Binding[] = [
  { scope: 'global', action: 'quit', keys: ['q', 'ctrl+c'], description: 'Quit the console (in a text field q is text: there ctrl+c quits)', hint: 'quit' },
  { scope: 'global', action: 'help', keys: ['?'], description: 'Show or hide this help', hint: 'help' },
  { scope: 'global', action: 'back', keys: ['escape'], description: 'Go back, close a dialog or clear the filter', hint: 'back' },
  { scope: 'global', action: 'jump', keys: [':'], description: 'Jump to a screen: tenants, new, doctor, platform or a tenant slug', hint: 'jump' },
  { scope: 'global', action: 'refresh', keys: ['R'], description: 'Reload from the database', hint: 'refresh' },

  { scope: 'list', action: 'up', keys: ['up', 'k'], description: 'Move up' },
  { scope: 'list', action: 'down', keys: ['down', 'j'], description: 'Move down' },
  { scope: 'list', action: 'pageUp', keys: ['pageup', 'ctrl+b'], description: 'Move up a page' },
  { scope: 'list', action: 'pageDown', keys: ['pagedown', 'ctrl+f'], description: 'Move down a page' },
  { scope: 'list', action: 'top', keys: ['home', 'g'], description: 'First row' },
  { scope: 'list', action: 'bottom', keys: ['end', 'G'], description: 'Last row' },

  { scope: 'tenants', action: 'open', keys: ['enter'], description: 'Open the selected tenant', hint: 'open' },
  { scope: 'tenants', action: 'filter', keys: ['/'], description: 'Filter by slug or name (enter keeps it, esc clears it)', hint: 'filter' },
  { scope: 'tenants', action: 'sort', keys: ['s'], description: 'Sort by the next column', hint: 'sort' },
  { scope: 'tenants', action: 'reverse', keys: ['S'], description: 'Reverse the sort order' },
  { scope: 'tenants', action: 'newTenant', keys: ['n'], description: 'Provision a new tenant (wizard)', hint: 'new', mutates: true },
  { scope: 'tenants', action: 'doctor', keys: ['d'], description: 'Open the doctor', hint: 'doctor' },
  { scope: 'tenants', action: 'platform', keys: ['W'], description: 'Open the platform screen: webhooks and service tokens', hint: 'platform' },
  {
    scope: 'tenants',
    action: 'migrateTenants',
    keys: ['M'],
    description: "Apply the blueprint's tenant migrations to every tenant (live progress)",
    mutates: true,
  },
  { scope: 'tenants', action: 'bulkImport', keys: ['B'], description: 'Provision tenants from a CSV or JSON file (the plan is its dry run)', mutates: true },
  { scope: 'tenants', action: 'importTenant', keys: ['I'], description: 'Import a tenant from an export file', mutates: true },
  { scope: 'tenants', action: 'acceptInvitation', keys: ['A'], description: 'Accept an invitation with its token, for a user', mutates: true },

  { scope: 'tenant', action: 'nextTab', keys: ['tab', 'right', 'l'], description: 'Next tab', hint: 'tabs' },
  { scope: 'tenant', action: 'previousTab', keys: ['shift+tab', 'left', 'h'], description: 'Previous tab' },
  {
    scope: 'tenant',
    action: 'selectTab',
    keys: ['1', '2', '3', '4', '5', '6', '7', '8'],
    description: 'Go to tab 1-8: overview, members, invitations, domains, API keys, data space, audit, events',
  },
  { scope: 'tenant', action: 'suspendResume', keys: ['z'], description: 'Suspend or resume the tenant', hint: 'suspend/resume', mutates: true },
  { scope: 'tenant', action: 'changePlan', keys: ['p'], description: 'Change the plan (shows the diff)', hint: 'plan', mutates: true },
  { scope: 'tenant', action: 'invite', keys: ['i'], description: 'Invite a member', hint: 'invite', mutates: true },
  { scope: 'tenant', action: 'grantRole', keys: ['+'], description: 'Grant a role to the selected member', mutates: true },
  { scope: 'tenant', action: 'revokeRole', keys: ['-'], description: 'Revoke a role from the selected member', mutates: true },
  { scope: 'tenant', action: 'addDomain', keys: ['a'], description: 'Add a domain', mutates: true },
  { scope: 'tenant', action: 'makePrimary', keys: ['*'], description: 'Make the selected domain primary', mutates: true },
  { scope: 'tenant', action: 'createKey', keys: ['c'], description: 'Create an API key (shown once)', mutates: true },
  {
    scope: 'tenant',
    action: 'revokeItem',
    keys: ['x'],
    description: 'Revoke the selected invitation or API key, remove the selected member or domain',
    mutates: true,
  },
  {
    scope: 'tenant',
    action: 'renewItem',
    keys: ['r'],
    description: 'Resend the selected invitation, rotate the selected API key, replay the selected event',
    mutates: true,
  },
  { scope: 'tenant', action: 'verifyDomain', keys: ['v'], description: "Verify the selected domain's TXT record", mutates: true },
  { scope: 'tenant', action: 'resetPassword', keys: ['w'], description: "Reset the selected member's password (a new one-time password)", mutates: true },
  { scope: 'tenant', action: 'unlockMember', keys: ['U'], description: "Unlock the selected member's account (locked by failed sign-ins)", mutates: true },
  { scope: 'tenant', action: 'resetTwoFactor', keys: ['T'], description: "Remove the selected member's authenticator (a lost phone)", mutates: true },
  { scope: 'tenant', action: 'settings', keys: ['e'], description: 'Edit the settings: time zone, contacts, theme, notifications', mutates: true },
  { scope: 'tenant', action: 'policy', keys: ['o'], description: 'Edit the security policy: 2FA, session timeout, password rules, IP ranges', mutates: true },
  { scope: 'tenant', action: 'feature', keys: ['f'], description: 'Switch a feature on or off', mutates: true },
  { scope: 'tenant', action: 'trial', keys: ['t'], description: 'Extend or end the trial', mutates: true },
  { scope: 'tenant', action: 'monitoring', keys: ['m'], description: 'Set where the doctor warns: the share of each limit in use', mutates: true },
  { scope: 'tenant', action: 'billing', keys: ['b'], description: 'Record until when the tenant has paid (and end its trial)', mutates: true },
  {
    scope: 'tenant',
    action: 'seedDemo',
    keys: ['S'],
    description: "Seed the blueprint's demo data (refused while its tables hold rows, unless added alongside)",
    mutates: true,
  },
  { scope: 'tenant', action: 'exportTenant', keys: ['E'], description: 'Export the tenant to a signed file', mutates: true },
  {
    scope: 'tenant',
    action: 'restoreTables',
    keys: ['I'],
    description: 'Restore chosen tables of the tenant from its export (type its exact name)',
    mutates: true,
  },
  { scope: 'tenant', action: 'deleteTenant', keys: ['D'], description: 'Delete the tenant (type its exact name)', mutates: true },
  { scope: 'tenant', action: 'restoreTenant', keys: ['u'], description: 'Restore a tenant pending deletion', mutates: true },
  { scope: 'tenant', action: 'purgeTenant', keys: ['P'], description: 'Purge a deleted tenant for good (type its exact name)', mutates: true },

  { scope: 'wizard', action: 'nextField', keys: ['tab', 'down'], description: 'Next field', hint: 'next field' },
  { scope: 'wizard', action: 'previousField', keys: ['shift+tab', 'up'], description: 'Previous field' },
  { scope: 'wizard', action: 'choiceNext', keys: ['right'], description: 'Next choice (plan, isolation)' },
  { scope: 'wizard', action: 'choicePrevious', keys: ['left'], description: 'Previous choice' },
  { scope: 'wizard', action: 'toggle', keys: ['space'], description: 'Toggle a yes/no field or a feature' },
  { scope: 'wizard', action: 'submit', keys: ['enter'], description: 'Review the plan (from any field)', hint: 'review' },

  { scope: 'doctor', action: 'repair', keys: ['enter'], description: 'Show the repair plan of the selected finding', hint: 'repair', mutates: true },
  { scope: 'doctor', action: 'notify', keys: ['N'], description: 'Send new and resolved findings to a URL (signed webhook, Slack or email)', mutates: true },
  { scope: 'doctor', action: 'migrateDatabase', keys: ['U'], description: "Apply Tenantry's own pending control-plane migrations", mutates: true },

  {
    scope: 'platform',
    action: 'addWebhook',
    keys: ['a'],
    description: 'Subscribe a URL to events (signed webhook, Slack or email)',
    hint: 'add webhook',
    mutates: true,
  },
  { scope: 'platform', action: 'enableWebhook', keys: ['e'], description: 'Enable the selected webhook again after it was disabled', mutates: true },
  { scope: 'platform', action: 'createToken', keys: ['c'], description: 'Create a service token (shown once)', hint: 'token', mutates: true },
  { scope: 'platform', action: 'revokeItem', keys: ['x'], description: 'Remove the selected webhook or revoke the selected service token', mutates: true },

  { scope: 'dialog', action: 'confirm', keys: ['enter', 'y'], description: 'Confirm: apply the plan shown', hint: 'confirm' },
  { scope: 'dialog', action: 'cancel', keys: ['escape', 'n'], description: 'Cancel: nothing is written', hint: 'cancel' },
  { scope: 'dialog', action: 'up', keys: ['up', 'k'], description: 'Scroll a plan or result up (k only where no name is typed)', hint: 'scroll' },
  { scope: 'dialog', action: 'down', keys: ['down', 'j'], description: 'Scroll a plan or result down (j only where no name is typed)' },
  { scope: 'dialog', action: 'pageUp', keys: ['pageup', 'ctrl+b'], description: 'Scroll up a page' },
  { scope: 'dialog', action: 'pageDown', keys: ['pagedown', 'ctrl+f'], description: 'Scroll down a page' },
  { scope: 'dialog', action: 'top', keys: ['home', 'g'], description: 'Scroll to the first step (where no name is typed)' },
  { scope: 'dialog', action: 'bottom', keys: ['end', 'G'], description: 'Scroll to the last step (where no name is typed)' },

  { scope: 'text', action: 'cursorLeft', keys: ['left'], description: 'Move the cursor left (on a choice field: the previous choice)', hint: 'cursor' },
  { scope: 'text', action: 'cursorRight', keys: ['right'], description: 'Move the cursor right (on a choice field: the next choice)' },
  { scope: 'text', action: 'wordLeft', keys: ['ctrl+left'], description: 'Move the cursor to the start of the word' },
  { scope: 'text', action: 'wordRight', keys: ['ctrl+right'], description: 'Move the cursor past the end of the word' },
  { scope: 'text', action: 'lineStart', keys: ['home', 'ctrl+a'], description: 'Move the cursor to the start' },
  { scope: 'text', action: 'lineEnd', keys: ['end', 'ctrl+e'], description: 'Move the cursor to the end' },
  { scope: 'text', action: 'deleteBackward', keys: ['backspace'], description: 'Delete the character before the cursor' },
  { scope: 'text', action: 'deleteForward', keys: ['delete'], description: 'Delete the character at the cursor' },
  { scope: 'text', action: 'deleteToStart', keys: ['ctrl+u'], description: 'Delete from the start to the cursor' },
  { scope: 'text', action: 'deleteToEnd', keys: ['ctrl+k'], description: 'Delete from the cursor to the end' },
  { scope: 'text', action: 'deleteWordBackward', keys: ['ctrl+w'], description: 'Delete the word before the cursor' },
  {
    scope: 'text',
    action: 'complete',
    keys: ['tab'],
    description: 'In the : prompt: complete a screen or tenant slug; again for the next candidate',
    hint: 'complete',
  },
  { scope: 'text', action: 'completePrevious', keys: ['shift+tab'], description: 'In the : prompt: the previous candidate' },
];

/** The action bound to a key in the first scope (most specific first) that binds it. */
export function actionFor(scopes: readonly Scope[], key: string): ActionId | undefined {
  for (const scope of scopes) {
    const binding = KEYMAP.find((candidate) => candidate.scope === scope && candidate.keys.includes(key));
    if (binding) return binding.action;
  }
  return undefined;
}

export function bindingsFor(scopes: readonly Scope[]): Binding[] {
  return KEYMAP.filter((binding) => scopes.includes(binding.scope));
}

export function bindingOf(action: ActionId, scope?: Scope): Binding | undefined {
  return KEYMAP.find((binding) => binding.action === action && (scope === undefined || binding.scope === scope));
}

export function keyLabel(key: string): string {
  return key === 'escape' ? 'esc' : key;
}
