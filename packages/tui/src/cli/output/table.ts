import type { IO } from '../command.ts';

export interface Column<Row> {
  header: string;
  value(row: Row): string;
  /** Right-align (numbers). */
  align?: 'right';
  /** May be cut to fit the terminal width (the widest such column shrinks first). */
  shrink?: boolean;
}

/**
 * On a terminal: aligned columns truncated to the width. Piped: tab-separated and complete, one
 * header line, so `cut -f2` works.
 */
export function renderTable<Row>(io: IO, columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const cells = rows.map((row) => columns.map((column) => sanitize(column.value(row))));
  if (!io.stdout.isTTY) {
    return [columns.map((column) => column.header), ...cells].map((line) => line.join('\t')).join('\n') + '\n';
  }
  const widths = columns.map((column, index) => Math.max(column.header.length, ...cells.map((line) => width(line[index] ?? ''))));
  fitToTerminal(widths, columns, io.stdout.columns ?? 120);
  const format = (line: string[]) =>
    line
      .map((cell, index) => pad(truncate(cell, widths[index] ?? 0), widths[index] ?? 0, columns[index]?.align))
      .join('  ')
      .trimEnd();
  return [format(columns.map((column) => column.header.toUpperCase())), ...cells.map(format)].join('\n') + '\n';
}

function fitToTerminal<Row>(widths: number[], columns: readonly Column<Row>[], terminalWidth: number): void {
  const gaps = 2 * (widths.length - 1);
  let overflow = widths.reduce((sum, value) => sum + value, 0) + gaps - terminalWidth;
  while (overflow > 0) {
    const candidates = widths.map((value, index) => ({ value, index })).filter(({ index }) => columns[index]?.shrink);
    const widest = candidates.sort((a, b) => b.value - a.value)[0];
    if (!widest || widest.value <= 8) return;
    widths[widest.index] = widest.value - 1;
    overflow--;
  }
}

function sanitize(text: string): string {
  // eslint-disable-next-line no-control-regex -- table cells must not carry terminal control sequences
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

function width(text: string): number {
  return [...text].length;
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

function pad(text: string, max: number, align?: 'right'): string {
  const fill = ' '.repeat(Math.max(0, max - width(text)));
  return align === 'right' ? fill + text : text + fill;
}
