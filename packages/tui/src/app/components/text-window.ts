import { textWidth } from '../../text/text-width.ts';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** What a focused text field draws: the text before the cursor, the cell under it, and the text after. */
export interface TextWindow {
  before: string;
  /** The character under the cursor, or a space past the end: drawn inverse. */
  at: string;
  after: string;
}

/**
 * The part of a value that fits `width` cells with the cursor on screen: a longer value scrolls so the
 * cursor stays visible, with `…` where text is cut off on either side. Widths are terminal cells.
 */
export function textWindow(value: string, cursor: number, width: number): TextWindow {
  const parts = [...graphemes.segment(value)].map(({ segment, index }) => ({ segment, index, width: textWidth(segment) }));
  let at = parts.findIndex((part) => part.index >= cursor);
  if (at < 0) at = parts.length;
  const cursorCell = parts[at]?.segment ?? ' ';
  const cursorWidth = Math.max(1, parts[at]?.width ?? 1);
  const widthOf = (from: number, to: number) => parts.slice(from, to).reduce((sum, part) => sum + part.width, 0);
  const room = Math.max(cursorWidth, width);
  if (widthOf(0, parts.length) + (at === parts.length ? 1 : 0) <= room) {
    return {
      before: value.slice(0, parts[at]?.index ?? value.length),
      at: cursorCell,
      after: parts
        .slice(at + 1)
        .map((part) => part.segment)
        .join(''),
    };
  }
  const hasAfter = at < parts.length - 1;
  let start = 0;
  while (start < at && (start > 0 ? 1 : 0) + widthOf(start, at) + cursorWidth + (hasAfter ? 1 : 0) > room) start++;
  const before =
    (start > 0 ? '…' : '') +
    parts
      .slice(start, at)
      .map((part) => part.segment)
      .join('');
  let used = textWidth(before) + cursorWidth;
  let after = '';
  for (let index = at + 1; index < parts.length; index++) {
    const part = parts[index] as (typeof parts)[number];
    const last = index === parts.length - 1;
    if (used + part.width + (last ? 0 : 1) > room) {
      after += used < room ? '…' : '';
      break;
    }
    after += part.segment;
    used += part.width;
  }
  return { before, at: cursorCell, after };
}
