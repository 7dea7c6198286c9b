import type { TabData } from '../tabs/tab-data.ts';
import type { TabId } from '../state/types.ts';
import { useClient } from '../client-context.ts';
import { useMemo } from 'react';
import { useAsync } from './use-async.ts';

const NO_LISTS: Omit<TabData, 'loading'> = {};

/**
 * Loads what the open tab lists beyond the tenant itself, only while that tab is open. Lists of the
 * tenant open before are never shown for this one while it loads: keys would act on their rows.
 */
export function useTabData(slug: string | null, tab: TabId, refreshes: number): TabData {
  const client = useClient();
  const state = useAsync(
    async (): Promise<{ slug: string | null; lists: Omit<TabData, 'loading'> }> => ({ slug, lists: await load() }),
    [client, slug, tab, refreshes],
  );
  async function load(): Promise<Omit<TabData, 'loading'>> {
    if (!slug) return {};
    switch (tab) {
      case 'invitations':
        return { invitations: await client.invitations.list({ slug }) };
      case 'domains':
        return { domains: await client.domains.list(slug) };
      case 'keys':
        return { apiKeys: await client.apiKeys.list(slug) };
      case 'overview':
      case 'data':
        return { dataSpace: await client.tenants.dataSpace(slug) };
      case 'audit':
        return { audit: await client.audit.list({ tenant: slug, limit: 500 }) };
      case 'events':
        return { events: (await client.events.list({ tenant: slug, order: 'newest', limit: 500 })).events };
      case 'members':
        return {};
    }
  }
  const lists = state.data?.slug === slug ? state.data.lists : NO_LISTS;
  return useMemo(() => ({ loading: state.loading, ...lists, ...(state.error ? { error: state.error } : {}) }), [state, lists]);
}
