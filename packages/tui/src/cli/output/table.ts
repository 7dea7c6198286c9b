import type { IO } from '../command.ts';
import { fitColumns } from '../../text/fit-columns.ts';
import { padText, textWidth, truncateText } from '../../text/text-width.ts';

export interface Column<Row> {
  header: string;
  /** The cell; `terminal` is false when piped, where a cell is plain data (no glyphs, ISO timestamps). */
  value(row: Row, terminal: boolean): string;
  /** Right-align (numbers). */
  align?: 'right';
  /** May be cut to fit the terminal width (the widest such column shrinks first). Never for what an operator copies. */
  shrink?: boolean;
  /** Left out on a terminal too narrow for the row once shrinking columns are at their least; lowest first. */
  dropOrder?: number;
}

const GAP = 2;

/**
 * On a terminal: aligned columns fitted to the width (shrinking columns give way first, then optional
 * ones are left out; the others, such as a slug or a token, are never cut). Piped: tab-separated and
 * complete, one header line, so `cut -f2` works.
 */
export function renderTable<Row>(io: IO, columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const terminal = Boolean(io.stdout.isTTY);
  const cells = rows.map((row) => columns.map((column) => sanitize(column.value(row, terminal))));
  if (!terminal) {
    return [columns.map((column) => column.header), ...cells].map((line) => line.join('\t')).join('\n') + '\n';
  }
  const widths = fitColumns(
    columns.map((column, index) => ({
      natural: Math.max(textWidth(column.header), ...cells.map((line) => textWidth(line[index] ?? ''))),
      shrink: column.shrink,
      min: Math.max(textWidth(column.header), 8),
      dropOrder: column.dropOrder,
    })),
    io.stdout.columns ?? 120,
    GAP,
  );
  const format = (line: string[]) =>
    line
      .flatMap((cell, index) => {
        const width = widths[index];
        return width === null || width === undefined ? [] : [padText(truncateText(cell, width), width, columns[index]?.align)];
      })
      .join(' '.repeat(GAP))
      .trimEnd();
  return [format(columns.map((column) => column.header.toUpperCase())), ...cells.map(format)].join('\n') + '\n';
}

function sanitize(text: string): string {
  // eslint-disable-next-line no-control-regex -- table cells must not carry terminal control sequences
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}
