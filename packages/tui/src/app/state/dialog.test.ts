import { describe, expect, it } from 'vitest';
import { initialState } from './initial.ts';
import { reduceConsole } from './reduce.ts';
import { textAt } from './text.ts';
import type { ConsoleState, Dialog, ScreenInfo } from './types.ts';

const screen: ScreenInfo = { rows: [], pageSize: 10, tenant: null, dialogScroll: { lines: 40, viewport: 10 } };
const press = (state: ConsoleState, ...keys: string[]) => keys.reduce((next, key) => reduceConsole(next, { type: 'key', key, screen }), state);
const offsetOf = (state: ConsoleState) => (state.dialog && 'offset' in state.dialog ? state.dialog.offset : undefined);

const plan = (confirmName: string | null): Dialog => ({
  kind: 'plan',
  action: 'deleteTenant',
  title: 'Delete Acme Corp (acme-corp)',
  steps: [],
  changes: [],
  values: {},
  confirmName,
  typed: textAt(''),
  refused: null,
  fingerprint: null,
  offset: 0,
});

describe('dialog keys', () => {
  it('scroll a plan within its lines: arrows, j/k, pages, home and end', () => {
    const open = { ...initialState(false), dialog: plan(null) };
    expect(offsetOf(press(open, 'down', 'j'))).toBe(2);
    expect(offsetOf(press(open, 'end'))).toBe(30);
    expect(offsetOf(press(open, 'end', 'down', 'k'))).toBe(29);
    expect(offsetOf(press(open, 'pagedown', 'pagedown'))).toBe(18);
    expect(offsetOf(press(open, 'G', 'home', 'up'))).toBe(0);
  });

  it('leave j, k, home and end to the typed name, and still scroll with the arrows', () => {
    const open = { ...initialState(false), dialog: plan('Acme Corp') };
    const typed = press(open, 'k', 'j', 'down', 'down', 'home', 'X');
    expect(typed.dialog).toMatchObject({ typed: { value: 'Xkj', cursor: 1 }, offset: 2 });
    expect(press(typed, 'enter').dialog).toMatchObject({ refused: 'Xkj' });
    expect(press(typed, 'enter', 'backspace').dialog).toMatchObject({ refused: null, typed: { value: 'kj' } });
  });

  it('scroll a result and close it with enter', () => {
    const open: ConsoleState = { ...initialState(false), dialog: { kind: 'result', title: 'Done', lines: [], secret: null, offset: 0 } };
    expect(offsetOf(press(open, 'pagedown'))).toBe(9);
    expect(press(open, 'pagedown', 'enter').dialog).toBeNull();
  });
});
