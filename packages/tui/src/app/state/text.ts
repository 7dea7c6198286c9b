import { actionFor } from '../keymap.ts';

/** A single-line text value and its cursor: an offset into `value`, always between two characters. */
export interface TextInput {
  value: string;
  cursor: number;
}

/** A text value with the cursor after its end, where typing continues. */
export function textAt(value: string, cursor = value.length): TextInput {
  return { value, cursor: Math.max(0, Math.min(cursor, value.length)) };
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Offsets where the cursor may stand: between graphemes, so an emoji or an accented letter moves and deletes whole. */
export function boundaries(value: string): number[] {
  return [...[...graphemes.segment(value)].map((part) => part.index), value.length];
}

/**
 * Applies one key to a text field: printable characters (and each character of a paste) insert at the
 * cursor; the keymap's `text` bindings move it and delete around it. Undefined when the key is not a
 * text key, so the caller may act on it (enter, tab, escape).
 */
export function editText(input: TextInput, key: string): TextInput | undefined {
  const { value } = input;
  const cursor = snap(value, input.cursor);
  const typed = key === 'space' ? ' ' : [...key].length === 1 && key >= ' ' && key !== '\u007f' ? key : undefined;
  if (typed !== undefined) return { value: value.slice(0, cursor) + typed + value.slice(cursor), cursor: cursor + typed.length };
  const at = (next: number): TextInput => ({ value, cursor: next });
  const cut = (from: number, to: number): TextInput => ({ value: value.slice(0, from) + value.slice(to), cursor: from });
  switch (actionFor(['text'], key)) {
    case 'cursorLeft':
      return at(previousBoundary(value, cursor));
    case 'cursorRight':
      return at(nextBoundary(value, cursor));
    case 'wordLeft':
      return at(wordStart(value, cursor));
    case 'wordRight':
      return at(wordEnd(value, cursor));
    case 'lineStart':
      return at(0);
    case 'lineEnd':
      return at(value.length);
    case 'deleteBackward':
      return cut(previousBoundary(value, cursor), cursor);
    case 'deleteForward':
      return cut(cursor, nextBoundary(value, cursor));
    case 'deleteToStart':
      return cut(0, cursor);
    case 'deleteToEnd':
      return cut(cursor, value.length);
    case 'deleteWordBackward':
      return cut(wordStart(value, cursor), cursor);
    default:
      return undefined;
  }
}

function snap(value: string, cursor: number): number {
  const clamped = Math.max(0, Math.min(cursor, value.length));
  return boundaries(value).findLast((offset) => offset <= clamped) ?? 0;
}

function previousBoundary(value: string, cursor: number): number {
  return boundaries(value).findLast((offset) => offset < cursor) ?? 0;
}

function nextBoundary(value: string, cursor: number): number {
  return boundaries(value).find((offset) => offset > cursor) ?? value.length;
}

/** The start of the word before the cursor, skipping the spaces just before it (readline's ctrl+w). */
function wordStart(value: string, cursor: number): number {
  let index = cursor;
  while (index > 0 && /\s/.test(value[index - 1] ?? '')) index--;
  while (index > 0 && !/\s/.test(value[index - 1] ?? '')) index--;
  return index;
}

function wordEnd(value: string, cursor: number): number {
  let index = cursor;
  while (index < value.length && /\s/.test(value[index] ?? '')) index++;
  while (index < value.length && !/\s/.test(value[index] ?? '')) index++;
  return index;
}
