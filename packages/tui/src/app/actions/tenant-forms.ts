import { FEATURES, MONITORED, PLAN_CODES, ROLES, type MonitoringThresholds, type TenantDetailsDto } from '@tenantry/sdk';
import { customSettingRows } from '../../cli/output/format.ts';
import type { ActionId } from '../keymap.ts';
import { choiceField, editForm, ON_OFF, textField, YES_NO, yesNo, type ActionOpening } from './form-fields.ts';

/** What a key opens for the open tenant itself (not for a row of one of its tabs). */
export function openTenantAction(action: ActionId, tenant: TenantDetailsDto): ActionOpening | undefined {
  switch (action) {
    case 'suspendResume':
      return tenant.status === 'suspended'
        ? { action: 'resume', title: `Resume ${tenant.slug}`, fields: [] }
        : { action: 'suspend', title: `Suspend ${tenant.slug}`, fields: [textField('reason', 'Reason')] };
    case 'changePlan':
      return { action: 'changePlan', title: `Change the plan of ${tenant.slug}`, fields: [choiceField('plan', 'Plan', nextPlan(tenant.plan), PLAN_CODES)] };
    case 'invite':
      return {
        action: 'invite',
        title: `Invite a member to ${tenant.slug}`,
        fields: [textField('email', 'Email'), choiceField('role', 'Role', 'viewer', ['none', ...ROLES]), textField('expiresDays', 'Expires in days', '7')],
      };
    case 'addDomain':
      return {
        action: 'addDomain',
        title: `Add a domain to ${tenant.slug}`,
        // The first domain is primary whatever is asked: offering "no" there would be a choice the plan ignores.
        fields:
          tenant.domains.length === 0
            ? [textField('hostname', 'Hostname')]
            : [textField('hostname', 'Hostname'), choiceField('primary', 'Make it primary', 'no', YES_NO)],
      };
    case 'createKey':
      return {
        action: 'createKey',
        title: `Create an API key for ${tenant.slug}`,
        fields: [textField('name', 'Name'), textField('scopes', 'Scopes (space separated)', 'assets.*'), textField('expiresDays', 'Expires in days', '365')],
      };
    case 'deleteTenant':
      return { action: 'deleteTenant', title: `Delete ${tenant.name} (${tenant.slug})`, fields: [] };
    case 'restoreTenant':
      return { action: 'restore', title: `Restore ${tenant.slug}`, fields: [] };
    case 'purgeTenant':
      return {
        action: 'purge',
        title: `Purge ${tenant.name} (${tenant.slug}) for good`,
        fields: [choiceField('force', 'Skip the grace period', 'no', YES_NO)],
      };
    case 'trial':
      return {
        action: 'trial',
        title: `The trial of ${tenant.slug}`,
        fields: [choiceField('change', 'Change', 'extend', ['extend', 'end']), textField('days', 'Extend by days', '14')],
      };
    case 'monitoring':
      return editForm('setMonitoring', `Where the doctor warns about ${tenant.slug} (% of each limit; empty: the plan's)`, monitoringFields(tenant));
    case 'seedDemo':
      return {
        action: 'seedDemo',
        title: `Seed the blueprint's demo data into ${tenant.slug}`,
        fields: [choiceField('addToExisting', 'Add it alongside rows already there', 'no', YES_NO)],
      };
    case 'billing':
      return {
        action: 'setBilling',
        title: `Billing of ${tenant.slug}`,
        fields: [
          textField('paidUntil', 'Paid until (empty: none)', tenant.paidUntil?.slice(0, 10) ?? ''),
          choiceField('endTrial', 'End the trial now', tenant.trialDaysLeft ? 'yes' : 'no', YES_NO),
        ],
      };
    case 'feature': {
      // Each choice is a feature with the state it would switch to: the opposite of what it is now.
      const switches = FEATURES.map((feature) => `${feature} → ${tenant.features[feature] ? 'off' : 'on'}`);
      return { action: 'setFeature', title: `Switch a feature of ${tenant.slug}`, fields: [choiceField('switch', 'Switch', switches[0] ?? '', switches)] };
    }
    case 'settings':
      return editForm('updateSettings', `Settings of ${tenant.slug} (only changed fields are sent)`, settingsFields(tenant));
    case 'policy':
      return editForm('updatePolicy', `Security policy of ${tenant.slug} (only changed fields are sent)`, policyFields(tenant));
    case 'exportTenant':
      return {
        action: 'exportTenant',
        title: `Export ${tenant.slug}`,
        fields: [textField('file', 'File', `${tenant.slug}.tenant.jsonl`), textField('exportKeyFile', 'Export key file (empty: this installation)')],
      };
    case 'restoreTables':
      return {
        action: 'restoreTables',
        title: `Restore tables of ${tenant.slug} from its export`,
        fields: [
          textField('file', 'Export file', `${tenant.slug}.tenant.jsonl`),
          textField('tables', 'Tables (comma-separated)', 'assets'),
          textField('exportKeyFile', 'Export key file (empty: this installation)'),
        ],
      };
    default:
      return undefined;
  }
}

function nextPlan(plan: string): string {
  const index = PLAN_CODES.indexOf(plan as (typeof PLAN_CODES)[number]);
  return PLAN_CODES[Math.min(index + 1, PLAN_CODES.length - 1)] ?? 'professional';
}

/** The form field whose value is one whole `custom.NAME=VALUE` assignment: a custom setting the tenant has not yet. */
export const ADD_CUSTOM_FIELD = 'addCustom';

/** The field names are `tenant set`'s keys (custom settings too), so the change goes through the same parser. */
function settingsFields(tenant: TenantDetailsDto) {
  const notifications = (tenant.settings.notifications ?? {}) as { email?: boolean; inApp?: boolean };
  const onOff = (value: boolean | undefined) => (value === false ? 'off' : 'on');
  return [
    textField('timezone', 'Time zone', tenant.timeZone),
    textField('contact-email', 'Contact email', tenant.contactEmail ?? ''),
    textField('support-email', 'Support email', tenant.supportEmail ?? ''),
    textField('support-phone', 'Support phone', tenant.supportPhone ?? ''),
    textField('theme', 'Theme', typeof tenant.settings.theme === 'string' ? tenant.settings.theme : ''),
    choiceField('notifications.email', 'Email notifications', onOff(notifications.email), ON_OFF),
    choiceField('notifications.in-app', 'In-app notifications', onOff(notifications.inApp), ON_OFF),
    ...customSettingRows(tenant.settings).map(([key, value]) => textField(key, key, value)),
    textField(ADD_CUSTOM_FIELD, 'Add (custom.NAME=VALUE)'),
  ];
}

function policyFields(tenant: TenantDetailsDto) {
  const policy = tenant.securityPolicy;
  return [
    choiceField('require2fa', 'Require 2FA', yesNo(policy.require2fa), YES_NO),
    textField('sessionTimeoutMinutes', 'Session timeout (minutes)', String(policy.sessionTimeoutMinutes)),
    textField('password.minLength', 'Password min length', String(policy.password.minLength)),
    choiceField('password.requireUppercase', 'Needs an uppercase letter', yesNo(policy.password.requireUppercase), YES_NO),
    choiceField('password.requireLowercase', 'Needs a lowercase letter', yesNo(policy.password.requireLowercase), YES_NO),
    choiceField('password.requireNumbers', 'Needs a digit', yesNo(policy.password.requireNumbers), YES_NO),
    choiceField('password.requireSymbols', 'Needs a symbol', yesNo(policy.password.requireSymbols), YES_NO),
    textField('allowedIpRanges', 'Allowed IP ranges (empty: any)', policy.allowedIpRanges.join(' ')),
  ];
}

function monitoringFields(tenant: TenantDetailsDto) {
  const own = (tenant.settings.monitoring ?? {}) as MonitoringThresholds;
  return MONITORED.map((resource) =>
    textField(resource, `Warn at % of ${resource}`, own[resource] === undefined ? '' : String(Math.round(own[resource] * 100))),
  );
}
