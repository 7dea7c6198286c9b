import { openAction, type ActionOpening } from '../actions/forms.ts';
import type { ConsoleActionId } from '../actions/action-ids.ts';
import { actionFor, bindingOf, type ActionId, type Scope } from '../keymap.ts';
import { reduceDialogKey } from './dialog.ts';
import { moveCursor } from './list.ts';
import { goBack, jumpCandidates, jumpTarget, navigate } from './navigation.ts';
import { editText, textAt } from './text.ts';
import {
  SORTS,
  TABS,
  type ConsoleRoute,
  type ConsoleState,
  type EffectRequest,
  type JumpState,
  type Notice,
  type PlanChange,
  type PlanLine,
  type ScreenInfo,
  type TenantSlugs,
  type ViewInfo,
} from './types.ts';
import { reduceWizardKey } from './wizard.ts';

export type ConsoleEvent =
  | { type: 'key'; key: string; screen: ScreenInfo }
  | {
      type: 'planned';
      requestId: number;
      title: string;
      steps: PlanLine[];
      changes?: PlanChange[];
      confirmName: string | null;
      fingerprint?: string;
      stale?: boolean;
    }
  | {
      type: 'applied';
      requestId: number;
      message: string;
      secret?: { label: string; value: string };
      lines?: string[];
      openSlug?: string;
      closeTenant?: boolean;
    }
  | { type: 'failed'; requestId: number; notice: Notice }
  | { type: 'progress'; requestId: number; line: string };

/** All console state changes in one reducer: keys arriving together in a chunk see each other's effects. */
export function reduceConsole(state: ConsoleState, event: ConsoleEvent): ConsoleState {
  if (event.type !== 'key') return settle(state, event);
  const { key } = event;
  const rows = event.screen.rows;
  const view: ViewInfo = { ...event.screen, rowCount: rows.length, selection: rows[Math.min(cursorOf(state), rows.length - 1)] ?? null };
  if (key === 'ctrl+c') return { ...state, quit: true };
  const dialog = state.dialog;
  if (dialog) {
    return reduceDialogKey(state, dialog, key, view.dialogScroll, (phase, values) =>
      dialog.kind === 'form' || dialog.kind === 'plan'
        ? requestEffect(state, dialog.action, dialog.title, phase, values, dialog.kind === 'plan' && phase === 'apply' ? dialog.fingerprint : null)
        : state,
    );
  }
  if (state.jump) return reduceJump(state, state.jump, key, view.tenantSlugs);
  if (state.help) return reduceHelp(state, key, view);
  if (state.route.screen === 'wizard') return reduceWizard(state, key);
  if (state.route.screen === 'tenants' && state.tenants.filtering) return reduceFilter(state, key);
  const action = actionFor(screenScopes(state.route), key);
  if (action === 'selectTab') return numberedTab(state, key);
  if (action === undefined) return state;
  return reduceAction({ ...state, notice: action === 'refresh' ? state.notice : null }, action, view);
}

function reduceAction(state: ConsoleState, action: ActionId, view: ViewInfo): ConsoleState {
  if (state.readonly && KEY_MUTATES(action)) return refusedReadonly(state);
  switch (action) {
    case 'quit':
      return { ...state, quit: true };
    case 'help':
      return { ...state, help: true, helpOffset: 0 };
    case 'jump':
      return { ...state, jump: { input: textAt(''), completion: null } };
    case 'refresh':
      return { ...state, refreshes: state.refreshes + 1 };
    case 'back':
      if (state.route.screen === 'tenants') return state.tenants.filter ? { ...state, tenants: { ...state.tenants, filter: '', cursor: 0 } } : state;
      return goBack(state);
    case 'filter':
      return { ...state, tenants: { ...state.tenants, filtering: true, filterCursor: state.tenants.filter.length } };
    case 'sort':
      return { ...state, tenants: { ...state.tenants, sort: SORTS[(SORTS.indexOf(state.tenants.sort) + 1) % SORTS.length] ?? 'slug', cursor: 0 } };
    case 'reverse':
      return { ...state, tenants: { ...state.tenants, descending: !state.tenants.descending, cursor: 0 } };
    case 'open':
      return view.selection ? navigate(state, { screen: 'tenant', slug: view.selection.id }) : state;
    case 'newTenant':
      return navigate(state, { screen: 'wizard' });
    case 'doctor':
      return navigate(state, { screen: 'doctor' });
    case 'platform':
      return navigate(state, { screen: 'platform' });
    case 'nextTab':
    case 'previousTab': {
      const step = action === 'nextTab' ? 1 : -1;
      const tab = TABS[(TABS.indexOf(state.detail.tab) + step + TABS.length) % TABS.length] ?? 'overview';
      return { ...state, detail: { tab, cursor: 0 } };
    }
    case 'repair':
      return view.selection ? openDialog(state, { action: 'repair', title: `Repair: ${view.selection.label}`, fields: [] }, view) : state;
    default: {
      const moved = moveCursor(action, cursorOf(state), view.rowCount, view.pageSize);
      if (moved !== undefined) return withCursor(state, moved);
      const opening = openAction(action, view, state.route);
      return opening ? openDialog(state, opening, view) : state;
    }
  }
}

const KEY_MUTATES = (action: ActionId) => bindingOf(action)?.mutates === true;

/** The one answer of a read-only console to anything that would change state, whichever path asked. */
function refusedReadonly(state: ConsoleState): ConsoleState {
  return {
    ...state,
    dialog: null,
    dialogTarget: null,
    notice: { kind: 'error', text: 'The console is read-only (--readonly): nothing can be changed.', code: 'FORBIDDEN' },
  };
}

/** The keymap scopes of a screen, most specific first. */
export function screenScopes(route: ConsoleRoute): Scope[] {
  const screen: Record<ConsoleRoute['screen'], Scope[]> = {
    tenants: ['tenants', 'list', 'global'],
    tenant: ['tenant', 'list', 'global'],
    wizard: ['wizard', 'global'],
    doctor: ['doctor', 'list', 'global'],
    platform: ['platform', 'list', 'global'],
  };
  return screen[route.screen];
}

function openDialog(state: ConsoleState, opening: ActionOpening, view: ViewInfo): ConsoleState {
  const target = {
    slug: view.tenant?.slug ?? null,
    ...(view.tenant ? { tenantName: view.tenant.name } : {}),
    selection: view.selection,
    ...(opening.baseline ? { baseline: opening.baseline } : {}),
  };
  const withTarget = { ...state, dialogTarget: target };
  if (opening.fields.length > 0)
    return { ...withTarget, dialog: { kind: 'form', action: opening.action, title: opening.title, fields: opening.fields, focus: 0 } };
  return requestEffect(withTarget, opening.action, opening.title, 'plan', {});
}

/** Turns the open dialog into a request for the App to run: its plan (dry run) or its application. */
function requestEffect(
  state: ConsoleState,
  action: ConsoleActionId,
  title: string,
  phase: EffectRequest['phase'],
  values: Record<string, string>,
  fingerprint: string | null = null,
): ConsoleState {
  if (state.readonly) return refusedReadonly(state);
  const target = state.dialogTarget ?? { slug: null, selection: null };
  const request: EffectRequest = { id: state.nextRequestId, phase, action, values, target, ...(fingerprint ? { fingerprint } : {}) };
  return {
    ...state,
    request,
    nextRequestId: state.nextRequestId + 1,
    dialog: { kind: 'busy', title: `${title}: ${phase === 'plan' ? 'planning' : 'applying'}…`, progress: [] },
  };
}

function settle(state: ConsoleState, event: Exclude<ConsoleEvent, { type: 'key' }>): ConsoleState {
  const request = state.request;
  if (!request || request.id !== event.requestId) return state;
  if (event.type === 'progress')
    return state.dialog?.kind === 'busy'
      ? { ...state, dialog: { ...state.dialog, progress: [...state.dialog.progress, event.line].slice(-PROGRESS_KEPT) } }
      : state;
  const cleared = { ...state, request: null };
  if (event.type === 'failed') return { ...cleared, dialog: null, dialogTarget: null, notice: event.notice };
  if (event.type === 'planned') {
    const fingerprint = event.fingerprint ?? null;
    const dialog = {
      kind: 'plan' as const,
      action: request.action,
      title: event.title,
      steps: event.steps,
      changes: event.changes ?? [],
      values: request.values,
      confirmName: event.confirmName,
      typed: textAt(''),
      refused: null,
      fingerprint,
      offset: 0,
    };
    return { ...cleared, dialog, ...(event.stale ? { notice: STALE_NOTICE } : {}) };
  }
  let next: ConsoleState = { ...cleared, dialogTarget: null, refreshes: state.refreshes + 1, notice: { kind: 'success', text: event.message } };
  // A new tenant opens as if picked from the table: esc goes back to the tenants, not to the wizard.
  if (event.openSlug)
    next = { ...navigate({ ...next, route: { screen: 'tenants' }, history: [] }, { screen: 'tenant', slug: event.openSlug }), notice: next.notice };
  if (event.closeTenant) next = { ...next, route: { screen: 'tenants' }, history: [] };
  const showResult = event.secret !== undefined || (event.lines?.length ?? 0) > 0;
  return { ...next, dialog: showResult ? { kind: 'result', title: event.message, lines: event.lines ?? [], secret: event.secret ?? null, offset: 0 } : null };
}

/** Progress lines kept for the busy dialog: more than any screen shows. */
const PROGRESS_KEPT = 200;

/** Whatever the plan was of (a tenant, a file, the pending migrations), it changed since it was shown. */
const STALE_NOTICE: Notice = {
  kind: 'error',
  code: 'PLAN_STALE',
  text: 'It changed since that plan was shown: nothing was written. This is the plan now.',
  hint: 'Read it again; enter or y applies this one.',
};

function reduceHelp(state: ConsoleState, key: string, view: ViewInfo): ConsoleState {
  if (key === '?' || key === 'escape' || key === 'q') return { ...state, help: false };
  const moved = moveCursor(actionFor(['list'], key), state.helpOffset, HELP_LINES_MAX, view.pageSize);
  return moved === undefined ? state : { ...state, helpOffset: moved };
}

/** Scrolling past the end of the help is clamped when it is drawn. */
const HELP_LINES_MAX = 200;

function reduceWizard(state: ConsoleState, key: string): ConsoleState {
  if (key === 'escape') return goBack(state);
  const outcome = reduceWizardKey(state.wizard, key);
  const next = { ...state, wizard: outcome.wizard };
  if (!outcome.submit) return next;
  return requestEffect({ ...next, dialogTarget: { slug: null, selection: null } }, 'provision', 'Provision a tenant', 'plan', {});
}

function reduceFilter(state: ConsoleState, key: string): ConsoleState {
  const tenants = state.tenants;
  if (key === 'enter') return { ...state, tenants: { ...tenants, filtering: false } };
  if (key === 'escape') return { ...state, tenants: { ...tenants, filtering: false, filter: '', filterCursor: 0, cursor: 0 } };
  const edited = editText(textAt(tenants.filter, tenants.filterCursor), key);
  if (!edited) return state;
  // Only a change of the text moves the table's cursor back to the top, not a move of the text cursor.
  const cursor = edited.value === tenants.filter ? tenants.cursor : 0;
  return { ...state, tenants: { ...tenants, filter: edited.value, filterCursor: edited.cursor, cursor } };
}

function reduceJump(state: ConsoleState, jump: JumpState, key: string, known: TenantSlugs | undefined): ConsoleState {
  if (key === 'escape') return { ...state, jump: null };
  if (key === 'enter') return jumpTo({ ...state, jump: null }, jump.input.value, known);
  const action = actionFor(['text'], key);
  if (action === 'complete' || action === 'completePrevious') return { ...state, jump: completeJump(jump, action === 'complete' ? 1 : -1, known?.slugs ?? []) };
  const input = editText(jump.input, key);
  return input ? { ...state, jump: { input, completion: null } } : state;
}

/** The first tab completes to the first candidate; tab again (shift+tab back) cycles through the others. */
function completeJump(jump: JumpState, step: 1 | -1, slugs: readonly string[]): JumpState {
  const candidates = jump.completion?.candidates ?? jumpCandidates(jump.input.value, slugs);
  if (candidates.length === 0) return jump;
  const index = jump.completion ? (jump.completion.index + step + candidates.length) % candidates.length : step > 0 ? 0 : candidates.length - 1;
  return { input: textAt(candidates[index] ?? ''), completion: { candidates, index } };
}

function jumpTo(state: ConsoleState, text: string, known: TenantSlugs | undefined): ConsoleState {
  const route = jumpTarget(text);
  if (!route) return { ...state, notice: { kind: 'error', text: `Nothing to jump to: "${text}". Try tenants, new, doctor, platform or a slug.` } };
  if (route.screen === 'wizard' && state.readonly) return refusedReadonly(state);
  if (route.screen === 'tenant' && known?.complete && !known.slugs.includes(route.slug))
    return {
      ...state,
      notice: {
        kind: 'error',
        code: 'TENANT_NOT_FOUND',
        text: `No tenant "${text.trim()}": nothing to open.`,
        hint: 'Tab completes screens and the slugs listed; R reloads the list.',
      },
    };
  return navigate(state, route);
}

function numberedTab(state: ConsoleState, key: string): ConsoleState {
  const tab = /^[1-9]$/.test(key) ? TABS[Number(key) - 1] : undefined;
  if (state.route.screen !== 'tenant' || !tab) return state;
  return { ...state, detail: { tab, cursor: 0 } };
}

function cursorOf(state: ConsoleState): number {
  if (state.route.screen === 'tenants') return state.tenants.cursor;
  if (state.route.screen === 'tenant') return state.detail.cursor;
  if (state.route.screen === 'platform') return state.platformCursor;
  return state.doctorCursor;
}

function withCursor(state: ConsoleState, cursor: number): ConsoleState {
  if (state.route.screen === 'tenants') return { ...state, tenants: { ...state.tenants, cursor } };
  if (state.route.screen === 'tenant') return { ...state, detail: { ...state.detail, cursor } };
  if (state.route.screen === 'platform') return { ...state, platformCursor: cursor };
  return { ...state, doctorCursor: cursor };
}
