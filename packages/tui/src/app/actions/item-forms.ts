import { ROLES } from '@tenantry/sdk';
import type { ActionId } from '../keymap.ts';
import type { Selection } from '../state/types.ts';
import { choiceField, type ActionOpening } from './form-fields.ts';

/**
 * What a key opens for the row selected in a tenant's tab (a member, an invitation, a domain, a key,
 * an event). Undefined when the key does not apply to it, such as a role grant with no member selected.
 */
export function openItemAction(action: ActionId, selected: Selection | null): ActionOpening | undefined {
  if (!selected) return undefined;
  const { kind, label } = selected;
  switch (action) {
    case 'grantRole':
      return kind === 'member'
        ? { action: 'grantRole', title: `Grant a role to ${label}`, fields: [choiceField('role', 'Role', 'analyst', ROLES)] }
        : undefined;
    case 'revokeRole': {
      const held = (selected.facts?.roles as string[] | undefined) ?? [];
      return kind === 'member' && held[0]
        ? { action: 'revokeRole', title: `Revoke a role from ${label}`, fields: [choiceField('role', 'Role', held[0], held)] }
        : undefined;
    }
    case 'resetPassword':
      return kind === 'member' ? { action: 'resetPassword', title: `Reset the password of ${label}`, fields: [] } : undefined;
    case 'unlockMember':
      return kind === 'member' ? { action: 'unlockUser', title: `Unlock the account of ${label}`, fields: [] } : undefined;
    case 'resetTwoFactor':
      return kind === 'member' ? { action: 'resetTotp', title: `Remove the authenticator of ${label}`, fields: [] } : undefined;
    case 'makePrimary':
      return kind === 'domain' ? { action: 'makePrimary', title: `Make ${label} primary`, fields: [] } : undefined;
    case 'verifyDomain':
      return kind === 'domain' ? { action: 'verifyDomain', title: `Verify ${label}`, fields: [] } : undefined;
    case 'revokeItem':
      return REMOVALS[kind] ? { action: REMOVALS[kind].action, title: `${REMOVALS[kind].verb} ${label}`, fields: [] } : undefined;
    case 'renewItem':
      return RENEWALS[kind] ? { action: RENEWALS[kind].action, title: `${RENEWALS[kind].verb} ${label}`, fields: [] } : undefined;
    default:
      return undefined;
  }
}

type Opened = { action: ActionOpening['action']; verb: string };

const REMOVALS: Partial<Record<Selection['kind'], Opened>> = {
  invitation: { action: 'revokeInvitation', verb: 'Revoke the invitation of' },
  key: { action: 'revokeKey', verb: 'Revoke the API key' },
  member: { action: 'removeMember', verb: 'Remove the member' },
  domain: { action: 'removeDomain', verb: 'Remove the domain' },
  webhook: { action: 'removeWebhook', verb: 'Remove the webhook' },
  token: { action: 'revokeToken', verb: 'Revoke the service token' },
};

const RENEWALS: Partial<Record<Selection['kind'], Opened>> = {
  invitation: { action: 'resendInvitation', verb: 'Resend the invitation of' },
  key: { action: 'rotateKey', verb: 'Rotate the API key' },
  event: { action: 'replayEvent', verb: 'Replay the event' },
};
