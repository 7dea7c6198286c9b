import type { ConsoleState, ConsoleRoute } from './types.ts';
import { initialWizard } from './wizard.ts';

export function navigate(state: ConsoleState, route: ConsoleRoute): ConsoleState {
  const fresh = route.screen === 'wizard' ? { wizard: initialWizard } : {};
  const detail = route.screen === 'tenant' ? { detail: { tab: 'overview' as const, cursor: 0 } } : {};
  return { ...state, ...fresh, ...detail, history: [...state.history, state.route], route, notice: null };
}

export function goBack(state: ConsoleState): ConsoleState {
  const previous = state.history.at(-1);
  if (!previous) return state;
  return { ...state, route: previous, history: state.history.slice(0, -1), notice: null };
}

/** `:` targets: a screen name or a tenant slug. */
export function jumpTarget(text: string): ConsoleRoute | undefined {
  const word = text.trim().toLowerCase();
  if (word === '') return undefined;
  if (['tenants', 'tenant', 'list', 't'].includes(word)) return { screen: 'tenants' };
  if (['new', 'wizard', 'create', 'provision'].includes(word)) return { screen: 'wizard' };
  if (['doctor', 'health', 'dr'].includes(word)) return { screen: 'doctor' };
  if (['platform', 'webhooks', 'tokens'].includes(word)) return { screen: 'platform' };
  return /^[a-z][a-z0-9-]{1,62}$/.test(word) ? { screen: 'tenant', slug: word } : undefined;
}

export const JUMP_TARGETS = ['tenants', 'new', 'doctor', 'platform', '<tenant slug>'] as const;

/** The screens `:` completes to, beside the tenant slugs. */
export const JUMP_SCREENS = ['tenants', 'new', 'doctor', 'platform'] as const;

/** What tab completes the typed text to: the screens, then the slugs, that start with it (any case). */
export function jumpCandidates(text: string, slugs: readonly string[]): string[] {
  const prefix = text.trim().toLowerCase();
  const screens: string[] = JUMP_SCREENS.filter((screen) => screen.startsWith(prefix));
  return [...screens, ...slugs.filter((slug) => slug.startsWith(prefix) && !screens.includes(slug))];
}
