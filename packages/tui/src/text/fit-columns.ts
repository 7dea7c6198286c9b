export interface ColumnFit {
  /** The width the column wants: its widest cell or header. */
  natural: number;
  /** May be cut, down to `min` cells. A column without it (a slug, a token to copy) is never cut. */
  shrink?: boolean;
  min?: number;
  /** Left out when the row still does not fit after shrinking; the lowest number goes first. */
  dropOrder?: number;
}

/**
 * Widths that fit `available` cells with `gap` cells between columns: shrinkable columns give way
 * first (the widest shrinks first), then droppable columns are left out (`null`). Columns that may
 * neither shrink nor drop keep their full width, even when the row then does not fit.
 */
export function fitColumns(columns: readonly ColumnFit[], available: number, gap: number): (number | null)[] {
  const dropped = new Set<number>();
  const dropQueue = columns
    .map((column, index) => ({ order: column.dropOrder, index }))
    .filter((entry): entry is { order: number; index: number } => entry.order !== undefined)
    .sort((a, b) => a.order - b.order);
  for (;;) {
    const widths = shrinkToFit(columns, dropped, available, gap);
    const next = dropQueue.shift();
    if (fits(widths, available, gap) || next === undefined) return widths;
    dropped.add(next.index);
  }
}

function shrinkToFit(columns: readonly ColumnFit[], dropped: ReadonlySet<number>, available: number, gap: number): (number | null)[] {
  const widths = columns.map((column, index) => (dropped.has(index) ? null : column.natural));
  let overflow = total(widths, gap) - available;
  while (overflow > 0) {
    let widest = -1;
    columns.forEach((column, index) => {
      const width = widths[index];
      if (width === null || width === undefined || !column.shrink || width <= (column.min ?? 8)) return;
      if (widest < 0 || width > (widths[widest] ?? 0)) widest = index;
    });
    if (widest < 0) break;
    widths[widest] = (widths[widest] ?? 1) - 1;
    overflow--;
  }
  return widths;
}

function fits(widths: readonly (number | null)[], available: number, gap: number): boolean {
  return total(widths, gap) <= available;
}

function total(widths: readonly (number | null)[], gap: number): number {
  const shown = widths.filter((width): width is number => width !== null);
  return shown.reduce((sum, width) => sum + width, 0) + gap * Math.max(0, shown.length - 1);
}
