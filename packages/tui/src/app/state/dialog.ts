import { actionFor } from '../keymap.ts';
import { editText } from './text.ts';
import type { ConsoleState, Dialog } from './types.ts';

type FormDialog = Extract<Dialog, { kind: 'form' }>;
type PlanDialog = Extract<Dialog, { kind: 'plan' }>;

/** Keys while a dialog is open. Returns the new state; requests are created by the caller's helpers. */
export function reduceDialogKey(
  state: ConsoleState,
  dialog: Dialog,
  key: string,
  request: (phase: 'plan' | 'apply', values: Record<string, string>) => ConsoleState,
): ConsoleState {
  switch (dialog.kind) {
    case 'busy':
      return state;
    case 'result':
      return key === 'enter' || key === 'escape' ? { ...state, dialog: null } : state;
    case 'form':
      return reduceForm(state, dialog, key, request);
    case 'plan':
      return reducePlan(state, dialog, key, request);
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
  let value: string | undefined;
  if (focused.choices) {
    const step = key === 'right' || key === 'space' ? 1 : key === 'left' ? -1 : 0;
    const index = focused.choices.indexOf(focused.value);
    value = step === 0 ? undefined : focused.choices[(index + step + focused.choices.length) % focused.choices.length];
  } else {
    value = editText(focused.value, key);
  }
  if (value === undefined) return state;
  const fields = dialog.fields.map((field, index) => (index === dialog.focus ? { ...field, value: value } : field));
  return { ...state, dialog: { ...dialog, fields } };
}

function reducePlan(
  state: ConsoleState,
  dialog: PlanDialog,
  key: string,
  request: (phase: 'apply', values: Record<string, string>) => ConsoleState,
): ConsoleState {
  if (key === 'escape') return { ...state, dialog: null, dialogTarget: null };
  if (dialog.confirmName !== null) {
    if (key === 'enter') return dialog.typed === dialog.confirmName ? request('apply', { ...dialog.values, confirm: dialog.typed }) : state;
    const typed = editText(dialog.typed, key);
    return typed === undefined ? state : { ...state, dialog: { ...dialog, typed } };
  }
  const action = actionFor(['dialog'], key);
  if (action === 'confirm') return request('apply', dialog.values);
  if (action === 'cancel') return { ...state, dialog: null, dialogTarget: null };
  return state;
}
