import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Terminal cells the text takes: a CJK character or an emoji is two, a combining mark none. */
export function textWidth(text: string): number {
  return stringWidth(text);
}

/** The text cut to at most `max` cells, ending in `…` when cut; never splits a character or an emoji. */
export function truncateText(text: string, max: number): string {
  if (textWidth(text) <= max) return text;
  if (max <= 0) return '';
  let kept = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const width = textWidth(segment);
    if (used + width > max - 1) break;
    kept += segment;
    used += width;
  }
  return `${kept}…`;
}

/** The text filled with spaces to `width` cells (on the left when right-aligned). */
export function padText(text: string, width: number, align?: 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - textWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}
