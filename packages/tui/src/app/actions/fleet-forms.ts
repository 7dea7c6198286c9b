import type { ActionId } from '../keymap.ts';
import type { Selection } from '../state/types.ts';
import { choiceField, secretField, textField, YES_NO, type ActionOpening } from './form-fields.ts';

const URL_LABEL = 'URL (https://, Slack, email:ADDRESS)';

/** What a key opens on the tenants screen, the doctor or the platform screen: operations on no one tenant. */
export function openFleetAction(action: ActionId, selected: Selection | null): ActionOpening | undefined {
  switch (action) {
    case 'bulkImport':
      return {
        action: 'bulkProvision',
        title: 'Provision tenants from a file',
        fields: [
          textField('file', 'CSV or JSON file'),
          choiceField('ownerPasswords', 'New owners get', 'generate', ['generate', 'none']),
          choiceField('strict', 'Write nothing if a row is invalid', 'no', YES_NO),
        ],
      };
    case 'importTenant':
      return {
        action: 'importTenant',
        title: 'Import a tenant from an export file',
        fields: [
          textField('file', 'Export file'),
          textField('slug', 'As slug (empty: as exported)'),
          textField('exportKeyFile', 'Export key file (empty: this installation)'),
        ],
      };
    case 'acceptInvitation':
      return {
        action: 'acceptInvitation',
        title: 'Accept an invitation',
        fields: [secretField('token', 'Invitation token'), secretField('password', 'Password'), textField('name', 'Name (new users)')],
      };
    case 'migrateTenants':
      return {
        action: 'migrateTenants',
        title: "Apply the blueprint's migrations to every tenant",
        fields: [textField('canary', 'Canary tenants first', '0'), choiceField('continueOnError', 'Go on after a failed tenant', 'no', YES_NO)],
      };
    case 'migrateDatabase':
      return { action: 'migrateDatabase', title: "Apply Tenantry's control-plane migrations", fields: [] };
    case 'notify':
      return { action: 'notify', title: 'Notify the doctor findings', fields: [textField('url', URL_LABEL)] };
    case 'addWebhook':
      return {
        action: 'addWebhook',
        title: 'Subscribe to events',
        fields: [
          textField('url', URL_LABEL),
          textField('events', 'Events', 'tenant.*'),
          textField('tenant', 'Only the tenant (empty: all)'),
          textField('description', 'Description'),
        ],
      };
    case 'enableWebhook':
      return selected?.kind === 'webhook' ? { action: 'enableWebhook', title: `Enable the webhook ${selected.label}`, fields: [] } : undefined;
    case 'createToken':
      return {
        action: 'createToken',
        title: 'Create a service token',
        fields: [textField('name', 'Name'), textField('expiresDays', 'Expires in days (empty: never)', '90')],
      };
    default:
      return undefined;
  }
}
