import { Box, Text } from 'ink';
import type { TenantDetailsDto } from '@tenantry/sdk';
import { TABS, type DetailView, type TabId } from '../state/types.ts';
import { textWidth } from '../../text/text-width.ts';
import { tabBody } from '../tabs/tab-body.tsx';
import type { TabData } from '../tabs/tab-data.ts';

const TAB_TITLES: Record<TabId, string> = {
  overview: 'Overview',
  members: 'Members',
  invitations: 'Invitations',
  domains: 'Domains',
  keys: 'API keys',
  data: 'Data space',
  audit: 'Audit',
  events: 'Events',
};

/** The titles where the full ones do not fit (80 columns), so every tab, the open one too, stays in view. */
const SHORT_TAB_TITLES: Record<TabId, string> = { ...TAB_TITLES, invitations: 'Invites', keys: 'Keys', data: 'Data' };

const tabLabels = (titles: Record<TabId, string>) => TABS.map((tab, index) => ` ${index + 1} ${titles[tab]} `);

interface Props {
  slug: string;
  tenant: TenantDetailsDto | null;
  loading: boolean;
  view: DetailView;
  tabData: TabData;
  height: number;
  width: number;
}

export function TenantScreen({ slug, tenant, loading, view, tabData, height, width }: Props) {
  if (!tenant) return <Text dimColor>{loading ? `Loading ${slug}…` : `No tenant "${slug}".`}</Text>;
  const full = tabLabels(TAB_TITLES);
  const labels = textWidth(full.join('')) <= width ? full : tabLabels(SHORT_TAB_TITLES);
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Box flexShrink={0}>
        <Text bold wrap="truncate">
          {tenant.name} ({tenant.slug})
        </Text>
      </Box>
      <Box flexShrink={0}>
        <Text wrap="truncate">
          {TABS.map((tab, index) => (
            <Text key={tab} inverse={tab === view.tab}>
              {labels[index]}
            </Text>
          ))}
        </Text>
      </Box>
      <Box flexDirection="column" flexGrow={1} overflow="hidden">
        {tabBody(view.tab, { tenant, data: tabData, cursor: view.cursor, height: height - 2, width })}
      </Box>
    </Box>
  );
}
