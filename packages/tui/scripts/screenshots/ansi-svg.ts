import { createAnsiSequenceParser, createColorPalette, type ColorName, type ParseToken } from 'ansi-sequence-parser';
import { textWidth } from '../../src/text/text-width.ts';

/** A dark terminal theme; the 16 named colours are what the console's SGR codes name. */
const THEME = {
  background: '#1e2127',
  foreground: '#d7dae0',
  named: {
    black: '#3b4048',
    red: '#e06c75',
    green: '#98c379',
    yellow: '#e5c07b',
    blue: '#61afef',
    magenta: '#c678dd',
    cyan: '#56b6c2',
    white: '#d7dae0',
    brightBlack: '#7f848e',
    brightRed: '#f28b94',
    brightGreen: '#b5e08f',
    brightYellow: '#f0d197',
    brightBlue: '#8cc7f7',
    brightMagenta: '#dca1ec',
    brightCyan: '#7fd0db',
    brightWhite: '#ffffff',
  } satisfies Record<ColorName, string>,
};

const CELL_WIDTH = 8.4;
// Tight enough that box-drawing borders join up, as in a terminal.
const LINE_HEIGHT = 17;
const FONT_SIZE = 14;
const BASELINE = 13;
const PADDING = 16;
const TITLE_BAR = 30;
const FONT_FAMILY = `ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace`;

interface Style {
  foreground: string;
  background: string | null;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  hidden: boolean;
}

/** Cells of one line that share a style: where they start, and each character's column. */
interface Run {
  style: Style;
  column: number;
  cells: number;
  characters: { text: string; column: number }[];
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * An SVG picture of a terminal screen captured with its escape sequences (`tmux capture-pane -e -p`):
 * every character in its cell of a `columns`×`rows` grid, with its colours, inverse video, bold, dim,
 * italic and underline, in a window with `title`.
 */
export function ansiToSvg(capture: string, options: { columns: number; rows: number; title: string }): string {
  const parser = createAnsiSequenceParser();
  const palette = createColorPalette(THEME.named);
  const lines = capture.replace(/\n$/, '').split('\n').slice(0, options.rows);
  const top = TITLE_BAR + PADDING / 2;
  const body = lines.flatMap((line, row) => runsOf(parser.parse(line), options.columns, palette).map((run) => drawRun(run, top + row * LINE_HEIGHT)));
  const width = PADDING * 2 + options.columns * CELL_WIDTH;
  const height = top + options.rows * LINE_HEIGHT + PADDING;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" role="img" aria-label="${escape(options.title)}">`,
    // Browsers keep runs of spaces only by CSS, other renderers by xml:space.
    '<style>text { white-space: pre; }</style>',
    `<rect width="100%" height="100%" rx="8" fill="${THEME.background}"/>`,
    ...['#ff5f57', '#febc2e', '#28c840'].map((fill, index) => `<circle cx="${PADDING + 6 + index * 20}" cy="${TITLE_BAR / 2}" r="6" fill="${fill}"/>`),
    `<text x="${num(width / 2)}" y="${TITLE_BAR / 2 + 4}" text-anchor="middle" font-family="${FONT_FAMILY}" font-size="12" fill="${THEME.named.brightBlack}">${escape(options.title)}</text>`,
    `<g transform="translate(${PADDING} 0)" font-family="${FONT_FAMILY}" font-size="${FONT_SIZE}" xml:space="preserve">`,
    ...body,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}

type Palette = ReturnType<typeof createColorPalette>;

function runsOf(tokens: readonly ParseToken[], columns: number, palette: Palette): Run[] {
  const runs: Run[] = [];
  let column = 0;
  for (const token of tokens) {
    const style = styleOf(token, palette);
    for (const { segment } of graphemes.segment(token.value)) {
      const cells = textWidth(segment);
      if (column + cells > columns) return runs;
      const last = runs.at(-1);
      const run = last && sameStyle(last.style, style) ? last : { style, column, cells: 0, characters: [] };
      if (run !== last) runs.push(run);
      run.characters.push({ text: segment, column });
      run.cells += cells;
      column += cells;
    }
  }
  return runs;
}

function styleOf(token: ParseToken, palette: Palette): Style {
  let foreground = token.foreground ? palette.value(token.foreground) : THEME.foreground;
  let background = token.background ? palette.value(token.background) : null;
  if (token.decorations.has('reverse')) [foreground, background] = [background ?? THEME.background, foreground];
  if (token.decorations.has('dim')) foreground = mix(foreground, background ?? THEME.background, 0.45);
  return {
    foreground,
    background,
    bold: token.decorations.has('bold'),
    italic: token.decorations.has('italic'),
    underline: token.decorations.has('underline'),
    hidden: token.decorations.has('hidden'),
  };
}

function sameStyle(a: Style, b: Style): boolean {
  return (Object.keys(a) as (keyof Style)[]).every((key) => a[key] === b[key]);
}

function drawRun(run: Run, y: number): string {
  const parts: string[] = [];
  if (run.style.background) {
    parts.push(
      `<rect x="${num(run.column * CELL_WIDTH)}" y="${y}" width="${num(run.cells * CELL_WIDTH)}" height="${LINE_HEIGHT}" fill="${run.style.background}"/>`,
    );
  }
  const shown = trimBlanks(run.characters);
  if (shown.length === 0 || run.style.hidden) return parts.join('');
  // A position for every UTF-16 unit (SVG counts those), the same for each unit of one character, so
  // every character sits in its cell whatever the font's advance widths.
  const xs = shown.flatMap((character) => Array.from({ length: character.text.length }, () => num(character.column * CELL_WIDTH)));
  const attributes = [
    `x="${xs.join(' ')}"`,
    `y="${num(y + BASELINE)}"`,
    `fill="${run.style.foreground}"`,
    run.style.bold ? 'font-weight="bold"' : '',
    run.style.italic ? 'font-style="italic"' : '',
    run.style.underline ? 'text-decoration="underline"' : '',
  ].filter(Boolean);
  parts.push(`<text ${attributes.join(' ')}>${escape(shown.map((character) => character.text).join(''))}</text>`);
  return parts.join('');
}

function trimBlanks<T extends { text: string }>(characters: readonly T[]): T[] {
  const first = characters.findIndex((character) => character.text.trim() !== '');
  if (first < 0) return [];
  const last = characters.findLastIndex((character) => character.text.trim() !== '');
  return characters.slice(first, last + 1);
}

/** `from` moved `share` of the way towards `to`: a dim colour that stays opaque. */
function mix(from: string, to: string, share: number): string {
  const channels = (hex: string) => [1, 3, 5].map((offset) => Number.parseInt(hex.slice(offset, offset + 2), 16));
  const [a, b] = [channels(from), channels(to)];
  return `#${a
    .map((value, index) =>
      Math.round(value + ((b[index] ?? value) - value) * share)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

function num(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function escape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
