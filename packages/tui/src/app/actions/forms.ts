import { PLAN_CODES, ROLES } from '@tenantry/sdk';
import type { ActionId } from '../keymap.ts';
import type { FieldState, ViewInfo } from '../state/types.ts';
import type { ConsoleActionId } from './action-ids.ts';

export interface ActionOpening {
  action: ConsoleActionId;
  title: string;
  /** Fields to fill before the plan is computed; none means "plan right away". */
  fields: FieldState[];
}

const field = (name: string, label: string, value = '', choices?: readonly string[]): FieldState =>
  choices ? { name, label, value, choices } : { name, label, value };

/**
 * What a keymap action opens on the tenant detail: the operation and its form. Undefined when the key
 * does not apply to what is selected (a role grant with no member under the cursor).
 */
export function openAction(action: ActionId, view: ViewInfo): ActionOpening | undefined {
  const tenant = view.tenant;
  if (!tenant) return undefined;
  const selected = view.selection;
  const member = selected?.kind === 'member' ? selected : null;
  const domain = selected?.kind === 'domain' ? selected : null;
  switch (action) {
    case 'suspendResume':
      return tenant.status === 'suspended'
        ? { action: 'resume', title: `Resume ${tenant.slug}`, fields: [] }
        : { action: 'suspend', title: `Suspend ${tenant.slug}`, fields: [field('reason', 'Reason')] };
    case 'changePlan':
      return { action: 'changePlan', title: `Change the plan of ${tenant.slug}`, fields: [field('plan', 'Plan', 'professional', PLAN_CODES)] };
    case 'invite':
      return {
        action: 'invite',
        title: `Invite a member to ${tenant.slug}`,
        fields: [field('email', 'Email'), field('role', 'Role', 'viewer', ['none', ...ROLES]), field('expiresDays', 'Expires in days', '7')],
      };
    case 'grantRole':
      return member ? { action: 'grantRole', title: `Grant a role to ${member.label}`, fields: [field('role', 'Role', 'analyst', ROLES)] } : undefined;
    case 'revokeRole': {
      const held = (member?.facts?.roles as string[] | undefined) ?? [];
      return member && held.length > 0
        ? { action: 'revokeRole', title: `Revoke a role from ${member.label}`, fields: [field('role', 'Role', held[0], held)] }
        : undefined;
    }
    case 'addDomain':
      return {
        action: 'addDomain',
        title: `Add a domain to ${tenant.slug}`,
        fields: [field('hostname', 'Hostname'), field('primary', 'Make it primary', 'no', ['no', 'yes'])],
      };
    case 'makePrimary':
      return domain ? { action: 'makePrimary', title: `Make ${domain.label} primary`, fields: [] } : undefined;
    case 'createKey':
      return {
        action: 'createKey',
        title: `Create an API key for ${tenant.slug}`,
        fields: [field('name', 'Name'), field('scopes', 'Scopes (space separated)', 'assets.*'), field('expiresDays', 'Expires in days', '365')],
      };
    case 'revokeItem':
      if (selected?.kind === 'invitation') return { action: 'revokeInvitation', title: `Revoke the invitation of ${selected.label}`, fields: [] };
      if (selected?.kind === 'key') return { action: 'revokeKey', title: `Revoke the API key ${selected.label}`, fields: [] };
      return undefined;
    case 'deleteTenant':
      return { action: 'deleteTenant', title: `Delete ${tenant.name} (${tenant.slug})`, fields: [] };
    default:
      return undefined;
  }
}
