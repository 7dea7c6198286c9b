import type { ReactNode } from 'react';
import type { TabId } from '../state/types.ts';
import { ApiKeysTab } from './ApiKeysTab.tsx';
import { AuditTab } from './AuditTab.tsx';
import { DataSpaceTab } from './DataSpaceTab.tsx';
import { DomainsTab } from './DomainsTab.tsx';
import { EventsTab } from './EventsTab.tsx';
import { InvitationsTab } from './InvitationsTab.tsx';
import { MembersTab } from './MembersTab.tsx';
import { OverviewTab } from './OverviewTab.tsx';
import type { TabProps } from './tab-props.ts';

export type { TabProps } from './tab-props.ts';

export function tabBody(tab: TabId, props: TabProps): ReactNode {
  switch (tab) {
    case 'overview':
      return <OverviewTab {...props} />;
    case 'members':
      return <MembersTab {...props} />;
    case 'domains':
      return <DomainsTab {...props} />;
    case 'invitations':
      return <InvitationsTab {...props} />;
    case 'keys':
      return <ApiKeysTab {...props} />;
    case 'data':
      return <DataSpaceTab {...props} />;
    case 'audit':
      return <AuditTab {...props} />;
    case 'events':
      return <EventsTab {...props} />;
  }
}
