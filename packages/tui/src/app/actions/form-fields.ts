import type { ConsoleActionId } from './action-ids.ts';
import type { FieldState } from '../state/types.ts';

export interface ActionOpening {
  action: ConsoleActionId;
  title: string;
  /** Fields to fill before the plan is computed; none means "plan right away". */
  fields: FieldState[];
  /** An edit form's values as opened: only the fields changed from these are sent. */
  baseline?: Record<string, string>;
}

export const textField = (name: string, label: string, value = ''): FieldState => ({ name, label, value });

export const choiceField = (name: string, label: string, value: string, choices: readonly string[]): FieldState => ({ name, label, value, choices });

/** Typed hidden (a password, an invitation token); never kept once the dialog closes. */
export const secretField = (name: string, label: string): FieldState => ({ name, label, value: '', secret: true });

export const YES_NO = ['no', 'yes'] as const;
export const ON_OFF = ['on', 'off'] as const;

export const yesNo = (value: boolean | undefined): string => (value ? 'yes' : 'no');

/** An edit form: its fields and, as the baseline, the values they opened with. */
export function editForm(action: ConsoleActionId, title: string, fields: FieldState[]): ActionOpening {
  return { action, title, fields, baseline: Object.fromEntries(fields.map((field) => [field.name, field.value])) };
}
