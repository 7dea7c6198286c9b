import { Box, Text } from 'ink';
import type { TenantDetailsDto } from '@tenantry/sdk';
import { TABS, type DetailView } from '../state/types.ts';
import { tabBody } from '../tabs/tab-body.tsx';
import type { TabData } from '../tabs/tab-data.ts';

const TAB_TITLES: Record<(typeof TABS)[number], string> = {
  overview: 'Overview',
  members: 'Members',
  invitations: 'Invitations',
  domains: 'Domains',
  keys: 'API keys',
  data: 'Data space',
  audit: 'Audit',
};

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
              {` ${index + 1} ${TAB_TITLES[tab]} `}
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
