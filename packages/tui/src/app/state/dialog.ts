import { actionFor } from '../keymap.ts';
import { moveCursor } from './list.ts';
import { editText, textAt } from './text.ts';
import type { ConsoleState, Dialog, ScreenInfo } from './types.ts';

type FormDialog = Extract<Dialog, { kind: 'form' }>;
type PlanDialog = Extract<Dialog, { kind: 'plan' }>;
type Scroll = ScreenInfo['dialogScroll'];

/** Keys while a dialog is open. Returns the new state; requests are created by the caller's helpers. */
export function reduceDialogKey(
  state: ConsoleState,
  dialog: Dialog,
  key: string,
  scroll: Scroll,
  request: (phase: 'plan' | 'apply', values: Record<string, string>) => ConsoleState,
): ConsoleState {
  switch (dialog.kind) {
    case 'busy':
      return state;
    case 'result': {
      if (key === 'enter' || key === 'escape') return { ...state, dialog: null };
      const offset = scrolledTo(dialog.offset, key, false, scroll);
      return offset === undefined ? state : { ...state, dialog: { ...dialog, offset } };
    }
    case 'form':
      return reduceForm(state, dialog, key, request);
    case 'plan':
      return reducePlan(state, dialog, key, scroll, request);
  }
}

function reduceForm(
  state: ConsoleState,
  dialog: FormDialog,
  key: string,
  request: (phase: 'plan', values: Record<string, string>) => ConsoleState,
): ConsoleState {
  if (key === 'escape') return { ...state, dialog: null, dialogTarget: null };
  if (key === 'enter') return request('plan', Object.fromEntries(dialog.fields.map((field) => [field.name, field.value])));
  if (key === 'tab' || key === 'down') return { ...state, dialog: { ...dialog, focus: (dialog.focus + 1) % dialog.fields.length } };
  if (key === 'shift+tab' || key === 'up') return { ...state, dialog: { ...dialog, focus: (dialog.focus - 1 + dialog.fields.length) % dialog.fields.length } };
  const focused = dialog.fields[dialog.focus];
  if (!focused) return state;
  let edited: { value: string; cursor?: number } | undefined;
  if (focused.choices) {
    const step = key === 'right' || key === 'space' ? 1 : key === 'left' ? -1 : 0;
    const index = focused.choices.indexOf(focused.value);
    const value = step === 0 ? undefined : focused.choices[(index + step + focused.choices.length) % focused.choices.length];
    edited = value === undefined ? undefined : { value };
  } else {
    edited = editText(textAt(focused.value, focused.cursor), key);
  }
  if (!edited) return state;
  const changed = edited;
  const fields = dialog.fields.map((field, index) => (index === dialog.focus ? { ...field, ...changed } : field));
  return { ...state, dialog: { ...dialog, fields } };
}

function reducePlan(
  state: ConsoleState,
  dialog: PlanDialog,
  key: string,
  scroll: Scroll,
  request: (phase: 'apply', values: Record<string, string>) => ConsoleState,
): ConsoleState {
  if (key === 'escape') return { ...state, dialog: null, dialogTarget: null };
  const typing = dialog.confirmName !== null;
  const offset = scrolledTo(dialog.offset, key, typing, scroll);
  if (offset !== undefined) return { ...state, dialog: { ...dialog, offset } };
  if (typing) {
    if (key === 'enter')
      return dialog.typed.value === dialog.confirmName
        ? request('apply', { ...dialog.values, confirm: dialog.typed.value })
        : { ...state, dialog: { ...dialog, refused: dialog.typed.value } };
    const typed = editText(dialog.typed, key);
    if (!typed) return state;
    return { ...state, dialog: { ...dialog, typed, refused: typed.value === dialog.typed.value ? dialog.refused : null } };
  }
  const action = actionFor(['dialog'], key);
  if (action === 'confirm') return request('apply', dialog.values);
  if (action === 'cancel') return { ...state, dialog: null, dialogTarget: null };
  return state;
}

/**
 * The new first line of a scrolled plan or result, or undefined when the key does not scroll. While a
 * name is typed, keys that edit text (j, k, home, end) go to the text; the arrows and pages still scroll.
 */
function scrolledTo(offset: number, key: string, typing: boolean, scroll: Scroll): number | undefined {
  if (typing && editText(textAt(''), key) !== undefined) return undefined;
  const lines = scroll?.lines ?? 0;
  const viewport = Math.max(1, scroll?.viewport ?? 1);
  const positions = Math.max(1, lines - viewport + 1);
  return moveCursor(actionFor(['dialog'], key), Math.min(offset, positions - 1), positions, Math.max(1, viewport - 1));
}
