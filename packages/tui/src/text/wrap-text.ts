import { textWidth } from './text-width.ts';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Breaks a line into rows of at most `width` cells, at spaces where it can, inside a word only when the
 * word alone is wider than a row. Rows after the first start with `indent` spaces (a hanging indent, so
 * a wrapped step or statement stays visibly one item); the indent gives way on a very narrow screen.
 */
export function wrapText(text: string, width: number, indent = 0): string[] {
  const room = Math.max(1, width);
  const hanging = indent > room / 2 ? 0 : indent;
  const rows: string[] = [];
  let row = '';
  let used = 0;
  const limit = () => (rows.length === 0 ? room : room - hanging);
  const flush = () => {
    rows.push(rows.length === 0 ? row.trimEnd() : ' '.repeat(hanging) + row.trimEnd());
    row = '';
    used = 0;
  };
  for (const word of text.split(/(?<= )/)) {
    const wordWidth = textWidth(word.trimEnd());
    // A word that would fit a fresh row moves to one; a wider one is broken where it stands.
    if (used > 0 && used + wordWidth > limit() && wordWidth <= room - hanging) flush();
    if (used === 0 && rows.length > 0 && word.trim() === '') continue;
    if (used + wordWidth <= limit()) {
      row += word;
      used += textWidth(word);
      continue;
    }
    for (const { segment } of graphemes.segment(word)) {
      const blank = segment.trim() === '';
      if (blank && used === 0 && rows.length > 0) continue;
      if (!blank && used > 0 && used + textWidth(segment) > limit()) flush();
      row += segment;
      used += textWidth(segment);
    }
  }
  if (row !== '' || rows.length === 0) flush();
  return rows;
}
