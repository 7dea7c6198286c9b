import { useCallback, useEffect, useMemo, useReducer } from 'react';
import { Box, useApp, useInput } from 'ink';
import { isTenantryError, type TenantDetailsDto } from '@tenantry/sdk';
import { DialogView } from './components/DialogView.tsx';
import { dialogLayout } from './components/dialog-layout.ts';
import { footerHints } from './components/footer-hints.ts';
import { HelpOverlay } from './components/HelpOverlay.tsx';
import { JumpPrompt } from './components/JumpPrompt.tsx';
import { NoticeBanner } from './components/NoticeBanner.tsx';
import { StatusBar } from './components/StatusBar.tsx';
import { useClient } from './client-context.ts';
import { useEffectRunner } from './hooks/use-effect-runner.ts';
import { useHealth } from './hooks/use-health.ts';
import { useTabData } from './hooks/use-tab-data.ts';
import { useTenantDetails } from './hooks/use-tenant-details.ts';
import { usePlatform } from './hooks/use-platform.ts';
import { platformSelections } from './platform-view.ts';
import { PlatformScreen } from './screens/PlatformScreen.tsx';
import { findingSelections, healthBySlug } from './health-view.ts';
import { DoctorScreen } from './screens/DoctorScreen.tsx';
import { useTenantList } from './hooks/use-tenant-list.ts';
import { keyNames } from './key-names.ts';
import type { Scope } from './keymap.ts';
import { TenantScreen } from './screens/TenantScreen.tsx';
import { TenantsScreen } from './screens/TenantsScreen.tsx';
import { WizardScreen } from './screens/WizardScreen.tsx';
import { initialState } from './state/initial.ts';
import { reduceConsole, screenScopes, type ConsoleEvent } from './state/reduce.ts';
import type { ConsoleState, ScreenInfo, Selection, TenantSlugs } from './state/types.ts';
import { tabSelections } from './tabs/tab-data.ts';
import { visibleTenants } from './tenant-rows.ts';

export interface AppProps {
  readonly: boolean;
  columns: number;
  rows: number;
}

const reduceEvents = (state: ConsoleState, events: ConsoleEvent[]) => events.reduce(reduceConsole, state);

export function App({ readonly, columns, rows }: AppProps) {
  const client = useClient();
  const { exit } = useApp();
  const [state, dispatch] = useReducer(reduceEvents, readonly, initialState);
  const list = useTenantList(state.refreshes);
  const openSlug = state.route.screen === 'tenant' ? state.route.slug : null;
  const details = useTenantDetails(openSlug, state.refreshes);
  const report = useHealth(state.refreshes);
  const health = useMemo(() => healthBySlug(report, list.data?.items ?? []), [report, list.data]);
  const findings = useMemo(() => findingSelections(report.data), [report.data]);
  const platform = usePlatform(state.route.screen === 'platform', state.refreshes);
  const platformRows = useMemo(() => platformSelections(platform.data), [platform.data]);
  const visible = useMemo(
    () => visibleTenants(list.data?.items ?? [], state.tenants.filter, state.tenants.sort, state.tenants.descending, health),
    [list.data, state.tenants.filter, state.tenants.sort, state.tenants.descending, health],
  );
  const noticeRows = state.notice ? (state.notice.kind === 'error' ? (state.notice.hint ? 4 : 3) : 1) : 0;
  const bodyHeight = Math.max(4, rows - 2 - noticeRows - (state.jump ? 1 : 0));
  // The tenant open before stays loaded until this one is: keys must not act on it meanwhile.
  const tenant = openSlug && details.data?.slug === openSlug ? details.data : null;
  const tabData = useTabData(openSlug, state.detail.tab, state.refreshes);
  const tabRows = useMemo(() => (tenant ? tabSelections(state.detail.tab, tenant, tabData) : []), [tenant, state.detail.tab, tabData]);
  const tenantRows = useMemo(() => visible.map((item): Selection => ({ kind: 'tenant', id: item.slug, label: item.name })), [visible]);
  const tenantSlugs = useMemo(
    (): TenantSlugs => ({ slugs: (list.data?.items ?? []).map((item) => item.slug), complete: list.data ? list.data.items.length >= list.data.total : false }),
    [list.data],
  );
  const layout = state.dialog ? dialogLayout(state.dialog, columns, bodyHeight) : null;
  const dialogScroll = layout ? { lines: layout.lines.length, viewport: layout.viewport } : undefined;
  const screen: ScreenInfo = {
    ...screenInfo(
      state,
      tenantRows,
      state.route.screen === 'doctor' ? findings : state.route.screen === 'platform' ? platformRows : tabRows,
      tenant,
      bodyHeight,
    ),
    tenantSlugs,
    ...(dialogScroll ? { dialogScroll } : {}),
  };

  useInput((input, key) => dispatch(keyNames(input, key).map((name) => ({ type: 'key', key: name, screen }))));
  const dispatchEvents = useCallback((events: ConsoleEvent[]) => dispatch(events), []);
  useEffectRunner(client, state.request, state.wizard, dispatchEvents);
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);

  const scopes = scopesOf(state);
  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <NoticeBanner notice={state.notice ?? loadError(list.error ?? report.error ?? (state.route.screen === 'platform' ? platform.error : undefined))} />
      <Box flexDirection="column" height={bodyHeight} overflow="hidden">
        {state.help ? (
          <HelpOverlay scopes={scopes} offset={state.helpOffset} height={bodyHeight} />
        ) : state.dialog ? (
          <DialogView dialog={state.dialog} width={columns} height={bodyHeight} />
        ) : state.route.screen === 'wizard' ? (
          <WizardScreen wizard={state.wizard} height={bodyHeight} width={columns} />
        ) : state.route.screen === 'platform' ? (
          <PlatformScreen data={platform.data} loading={platform.loading} cursor={state.platformCursor} height={bodyHeight} width={columns} />
        ) : state.route.screen === 'doctor' ? (
          <DoctorScreen report={report.data} rows={findings} loading={report.loading} cursor={state.doctorCursor} height={bodyHeight} width={columns} />
        ) : state.route.screen === 'tenant' ? (
          <TenantScreen
            slug={state.route.slug}
            tenant={tenant}
            loading={details.loading}
            view={state.detail}
            tabData={tabData}
            height={bodyHeight}
            width={columns}
          />
        ) : (
          <TenantsScreen view={state.tenants} rows={visible} health={health} loading={list.loading} height={bodyHeight} width={columns} />
        )}
      </Box>
      {state.jump ? <JumpPrompt jump={state.jump} slugs={tenantSlugs.slugs} width={columns} /> : null}
      <StatusBar
        hints={footerHints(state, scopes, dialogScroll ? dialogScroll.lines > dialogScroll.viewport : false)}
        target={`${client.target.kind}: ${client.target.location}`}
        tenantCount={list.data?.total}
        loadedAt={list.loadedAt}
        loading={list.loading}
        readonly={readonly}
      />
    </Box>
  );
}

function loadError(error: Error | undefined): ConsoleState['notice'] {
  if (!error) return null;
  return isTenantryError(error)
    ? { kind: 'error', text: error.message, code: error.code, ...(error.hint ? { hint: error.hint } : {}) }
    : { kind: 'error', text: error.message };
}

function scopesOf(state: ConsoleState): Scope[] {
  return state.dialog ? ['dialog', 'global'] : screenScopes(state.route);
}

function screenInfo(
  state: ConsoleState,
  tenantRows: readonly Selection[],
  rows: readonly Selection[],
  tenant: TenantDetailsDto | null,
  bodyHeight: number,
): ScreenInfo {
  const pageSize = Math.max(1, bodyHeight - 3);
  switch (state.route.screen) {
    case 'tenants':
      return { rows: tenantRows, pageSize, tenant: null };
    case 'tenant':
      return { rows, pageSize, tenant };
    case 'doctor':
    case 'platform':
      return { rows, pageSize, tenant: null };
    case 'wizard':
      return { rows: [], pageSize, tenant: null };
  }
}
