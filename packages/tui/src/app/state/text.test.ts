import { describe, expect, it } from 'vitest';
import { editText, textAt, type TextInput } from './text.ts';

/** Types each key in turn, as the reducer does with a chunk; `|` marks the cursor in the result. */
function keys(start: TextInput, ...names: string[]): string {
  const end = names.reduce((input, name) => editText(input, name) ?? input, start);
  return `${end.value.slice(0, end.cursor)}|${end.value.slice(end.cursor)}`;
}

const typed = (text: string) => [...text].map((char) => (char === ' ' ? 'space' : char));

describe('editText', () => {
  it('inserts at the cursor: Acme Crop, three times left, X', () => {
    expect(keys(textAt(''), ...typed('Acme Crop'), 'left', 'left', 'left', 'X')).toBe('Acme CX|rop');
  });

  it('moves with left and right, home and end, ctrl+a and ctrl+e, and stops at either end', () => {
    const value = textAt('tenant', 3);
    expect(keys(value, 'home')).toBe('|tenant');
    expect(keys(value, 'ctrl+a', 'left')).toBe('|tenant');
    expect(keys(value, 'end')).toBe('tenant|');
    expect(keys(value, 'ctrl+e', 'right')).toBe('tenant|');
    expect(keys(value, 'right', 'right')).toBe('tenan|t');
  });

  it('deletes before the cursor with backspace and at it with delete', () => {
    expect(keys(textAt('acme', 2), 'backspace')).toBe('a|me');
    expect(keys(textAt('acme', 2), 'delete')).toBe('ac|e');
    expect(keys(textAt('acme', 0), 'backspace')).toBe('|acme');
    expect(keys(textAt('acme'), 'delete')).toBe('acme|');
  });

  it('clears to the start with ctrl+u, to the end with ctrl+k, and the word before with ctrl+w', () => {
    expect(keys(textAt('owner@acme.test', 5), 'ctrl+u')).toBe('|@acme.test');
    expect(keys(textAt('owner@acme.test', 5), 'ctrl+k')).toBe('owner|');
    expect(keys(textAt('Acme Corp  '), 'ctrl+w')).toBe('Acme |');
    expect(keys(textAt('Acme Corp Ltd', 9), 'ctrl+w')).toBe('Acme | Ltd');
    expect(keys(textAt('Acme Corp Ltd', 7), 'ctrl+left', 'ctrl+left', 'ctrl+right')).toBe('Acme| Corp Ltd');
  });

  it('moves over and deletes an emoji or an accented letter whole', () => {
    expect(keys(textAt('a👩‍💻b'), 'left', 'left', 'backspace')).toBe('|👩‍💻b');
    expect(keys(textAt('a👩‍💻b'), 'left', 'backspace')).toBe('a|b');
    expect(keys(textAt('Ze\u0301ro', 1), 'delete')).toBe('Z|ro');
  });

  it('leaves other keys to the caller', () => {
    for (const key of ['enter', 'escape', 'tab', 'up', 'pagedown', 'ctrl+c']) expect(editText(textAt('x'), key), key).toBeUndefined();
    expect(editText(textAt('x'), 'space')).toEqual({ value: 'x ', cursor: 2 });
  });
});
