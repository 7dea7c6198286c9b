import type { AuditEventDto } from '@tenantry/sdk';
import { fitColumns, type ColumnFit } from '../../text/fit-columns.ts';
import { padText, textWidth, truncateText } from '../../text/text-width.ts';
import { eventSummary } from './event-summary.ts';

export const AUDIT_HEADERS = ['WHEN (UTC)', 'ACTOR', 'ACTION', 'TARGET', 'DETAILS'] as const;
const GAP = 2;

/** One audit event as the texts of its columns, in the order of AUDIT_HEADERS. */
export function auditCells(event: AuditEventDto, stampLength: number): string[] {
  const target = event.targetId ? `${event.targetType} ${event.targetId}` : event.targetType;
  const changed = event.before !== null || event.after !== null;
  const details = changed
    ? eventSummary({ auditAction: event.action, target: { type: event.targetType, id: event.targetId }, before: event.before, after: event.after })
    : '';
  return [event.occurredAt.slice(0, stampLength).replace('T', ' '), event.actor.label, event.action, target, details === target ? '' : details];
}

/**
 * The columns' widths (cells, without the gap; null when left out) for these events at `width`. The
 * action and the target are never cut (one is what happened, the other an id to copy): the details give
 * way first, then the actor, then the time; columns are measured over every event, so they do not jump
 * while scrolling.
 */
export function auditLayout(events: readonly AuditEventDto[], width: number): { widths: (number | null)[]; stampLength: number } {
  // Seconds only where there is room.
  const stampLength = width >= 100 ? 19 : 16;
  const rows = events.map((event) => auditCells(event, stampLength));
  const widest = (index: number) => Math.max(textWidth(AUDIT_HEADERS[index] ?? ''), ...rows.map((cells) => textWidth(cells[index] ?? '')));
  const columns: ColumnFit[] = [
    { natural: Math.max(stampLength, widest(0)), dropOrder: 2 },
    { natural: Math.min(30, widest(1)), shrink: true, min: 8, dropOrder: 1 },
    { natural: widest(2) },
    { natural: widest(3) },
    { natural: widest(4), shrink: true, min: 16, dropOrder: 0 },
  ];
  return { widths: fitColumns(columns, width, GAP), stampLength };
}

/** A row of cells at the layout's widths: every shown column padded or cut to its width, then the gap. */
export function auditLine(cells: readonly string[], widths: readonly (number | null)[]): string {
  const shown = cells.flatMap((text, index) => {
    const columnWidth = widths[index];
    return columnWidth === null || columnWidth === undefined ? [] : [padText(truncateText(text, columnWidth), columnWidth)];
  });
  return shown.join(' '.repeat(GAP)).trimEnd();
}
