import type { ApiKeyDto, AuditEventDto, DataSpaceDto, DomainDto, EventDto, InvitationDto, TenantDetailsDto } from '@tenantry/sdk';
import type { Selection, TabId } from '../state/types.ts';

/** Lists a tab shows beyond the tenant itself, loaded only while that tab is open. */
export interface TabData {
  loading: boolean;
  error?: Error;
  audit?: AuditEventDto[];
  /** The tenant's most recent lifecycle events, newest first. */
  events?: EventDto[];
  invitations?: InvitationDto[];
  domains?: DomainDto[];
  apiKeys?: ApiKeyDto[];
  dataSpace?: DataSpaceDto;
}

/** The selectable rows of a tab, in display order: the cursor moves over these and actions use them. */
export function tabSelections(tab: TabId, tenant: TenantDetailsDto, data: TabData): Selection[] {
  switch (tab) {
    case 'members':
      return tenant.members.map((member) => ({ kind: 'member', id: member.userId, label: member.email, facts: { roles: member.roles } }));
    case 'domains':
      return (data.domains ?? []).map((domain) => ({ kind: 'domain', id: domain.id, label: domain.hostname, facts: { isPrimary: domain.isPrimary } }));
    case 'keys':
      return (data.apiKeys ?? []).map((key) => ({ kind: 'key', id: key.id, label: key.prefix, facts: { status: key.status } }));
    case 'invitations':
      return (data.invitations ?? []).map((invitation) => ({
        kind: 'invitation',
        id: invitation.id,
        label: invitation.email,
        facts: { state: invitation.state },
      }));
    case 'audit':
      return (data.audit ?? []).map((event) => ({ kind: 'audit', id: event.id, label: event.action }));
    case 'events':
      return (data.events ?? []).map((event) => ({ kind: 'event', id: event.id, label: event.type }));
    default:
      return [];
  }
}
