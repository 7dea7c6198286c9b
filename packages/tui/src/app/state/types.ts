import type { TenantDetailsDto } from '@tenantry/sdk';
import type { ConsoleActionId } from '../actions/action-ids.ts';
import type { TextInput } from './text.ts';
import type { WizardState } from './wizard.ts';

export const SORTS = ['slug', 'name', 'status', 'plan', 'users', 'trial', 'health'] as const;
export type SortKey = (typeof SORTS)[number];

export const TABS = ['overview', 'members', 'invitations', 'domains', 'keys', 'data', 'audit', 'events'] as const;
export type TabId = (typeof TABS)[number];

export type ConsoleRoute = { screen: 'tenants' } | { screen: 'tenant'; slug: string } | { screen: 'wizard' } | { screen: 'doctor' } | { screen: 'platform' };

export interface TenantsView {
  filter: string;
  filtering: boolean;
  /** Where the cursor is in the filter while it is typed. */
  filterCursor: number;
  cursor: number;
  sort: SortKey;
  descending: boolean;
}

export interface DetailView {
  tab: TabId;
  cursor: number;
}

/** What the screen shows under the cursor, so keys can act on it. */
export interface Selection {
  kind: 'tenant' | 'member' | 'invitation' | 'domain' | 'key' | 'finding' | 'audit' | 'event' | 'webhook' | 'token';
  id: string;
  label: string;
  /** Extra facts an action needs (roles held, primary flag...). */
  facts?: Record<string, unknown>;
}

/** What is on screen, passed with every key: the selectable rows, not the selection, so keys that
 * arrive together (a paste, a fast typist) select by the cursor as the reducer has moved it. */
export interface ScreenInfo {
  rows: readonly Selection[];
  pageSize: number;
  /** The open tenant as loaded, when a tenant is open: forms start from its values. */
  tenant: TenantDetailsDto | null;
  /** The slugs of the loaded tenant list, for `:`: completion, and refusing a slug that is not there. */
  tenantSlugs?: TenantSlugs;
  /** The open plan or result dialog's scrollable lines, counted as drawn at this width, and how many fit. */
  dialogScroll?: { lines: number; viewport: number };
}

export interface TenantSlugs {
  slugs: readonly string[];
  /** Every tenant is loaded: a slug not among them does not exist. */
  complete: boolean;
}

/** The screen as one key sees it: with the row under the reducer's cursor. */
export interface ViewInfo extends ScreenInfo {
  rowCount: number;
  selection: Selection | null;
}

export interface FieldState {
  name: string;
  label: string;
  value: string;
  /** Allowed values: the field cycles through them instead of taking text. */
  choices?: readonly string[];
  secret?: boolean;
  /** Where the cursor is in `value`; at its end when left out. */
  cursor?: number;
}

/** One step of a plan as the console shows it: what happens, and the SQL where it matters. */
export interface PlanLine {
  description: string;
  sql?: readonly string[];
}

/** One field a plan changes, its values as shown: "limits.maxUsers", "10", "50". */
export interface PlanChange {
  field: string;
  from: string;
  to: string;
}

export type Dialog =
  | { kind: 'form'; action: ConsoleActionId; title: string; fields: FieldState[]; focus: number }
  | {
      kind: 'plan';
      action: ConsoleActionId;
      title: string;
      steps: PlanLine[];
      /** The fields the plan changes, shown once under their own heading. */
      changes: PlanChange[];
      values: Record<string, string>;
      confirmName: string | null;
      typed: TextInput;
      /** The text last refused as not the exact name; cleared by the next edit. */
      refused: string | null;
      /** The fingerprint of the plan shown: applying sends it, so only this plan is applied. */
      fingerprint: string | null;
      /** The first scrollable line shown. */
      offset: number;
    }
  | { kind: 'busy'; title: string; /** Live lines of a long run (a tenant migrated, a row provisioned), newest last. */ progress: string[] }
  | { kind: 'result'; title: string; lines: string[]; secret: { label: string; value: string } | null; offset: number };

/** The `:` prompt: what is typed, and the candidates tab cycles through once pressed. */
export interface JumpState {
  input: TextInput;
  completion: { candidates: string[]; index: number } | null;
}

export interface Notice {
  kind: 'error' | 'success';
  text: string;
  code?: string;
  hint?: string;
}

/** Something async for the App to run: a plan (dry run) or its application. */
export interface EffectRequest {
  id: number;
  phase: 'plan' | 'apply';
  action: ConsoleActionId;
  values: Record<string, string>;
  target: {
    slug: string | null;
    tenantName?: string;
    selection: Selection | null;
    /** The form's values as it opened: an edit sends only the fields the operator changed. */
    baseline?: Record<string, string>;
  };
  /** apply: the fingerprint of the plan the operator confirmed. */
  fingerprint?: string;
}

export interface ConsoleState {
  route: ConsoleRoute;
  history: ConsoleRoute[];
  help: boolean;
  helpOffset: number;
  jump: JumpState | null;
  tenants: TenantsView;
  detail: DetailView;
  wizard: WizardState;
  doctorCursor: number;
  platformCursor: number;
  dialog: Dialog | null;
  notice: Notice | null;
  request: EffectRequest | null;
  /** The target of the dialog's action, captured when it opened. */
  dialogTarget: EffectRequest['target'] | null;
  nextRequestId: number;
  refreshes: number;
  quit: boolean;
  readonly: boolean;
}
