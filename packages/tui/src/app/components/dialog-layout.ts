import { sqlBlock } from '../../cli/output/sql-block.ts';
import { textWidth } from '../../text/text-width.ts';
import { wrapText } from '../../text/wrap-text.ts';
import type { Dialog, PlanChange } from '../state/types.ts';

/** A row of a dialog's scrollable part, already wrapped to the dialog's width. */
export interface DialogLine {
  text: string;
  tone: 'heading' | 'text' | 'sql';
  /** What the row belongs to, for the position shown: the 3rd step, the 2nd change. */
  group?: { name: 'steps' | 'changes' | 'lines'; item: number; of: number };
}

export interface DialogLayout {
  /** The dialog's outer width, its border included. */
  width: number;
  /** Cells inside the border and padding. */
  inner: number;
  /** The rows that scroll (a plan's steps and changes, a result's lines); empty for forms. */
  lines: DialogLine[];
  /** How many of them are on screen at once. */
  viewport: number;
  /** The first row shown, the dialog's offset kept within the rows. */
  offset: number;
  /** Rows below the scrolling part that never scroll away: the confirmation, the secret. */
  footer: FooterLine[];
  /** A destructive plan's "Type the exact name" prompt: on its own row or, when narrow, above its field. */
  typedNameRows: 0 | 1 | 2;
}

export interface FooterLine {
  text: string;
  tone: 'confirm' | 'ok' | 'bad' | 'dim' | 'secret' | 'note';
}

const BORDER_ROWS = 2;
const TITLE_ROWS = 1;
const PLAN_HEADING = 'The plan (nothing is written until you confirm):';
/** The least room the typed name's field gets beside its prompt before it moves to a row of its own. */
const TYPED_FIELD_MIN = 16;

export const typedNamePrompt = (name: string) => `Type the exact name "${name}" to confirm: `;

/** How a dialog fits `height` rows: what scrolls, how much of it is on screen, and what stays put. */
export function dialogLayout(dialog: Dialog, columns: number, height: number): DialogLayout {
  const width = Math.min(columns, 100);
  const inner = Math.max(10, width - 4);
  const lines = dialog.kind === 'plan' ? planLines(dialog, inner) : dialog.kind === 'result' ? resultLines(dialog.lines, inner) : [];
  const footer = footerLines(dialog, inner);
  const typedNameRows =
    dialog.kind === 'plan' && dialog.confirmName !== null ? (textWidth(typedNamePrompt(dialog.confirmName)) + TYPED_FIELD_MIN <= inner ? 1 : 2) : 0;
  const room = Math.max(1, height - BORDER_ROWS - TITLE_ROWS - footer.length - typedNameRows);
  // The position line takes a row of its own, only when the rows do not all fit.
  const viewport = lines.length > room ? Math.max(1, room - 1) : room;
  const offsetWanted = dialog.kind === 'plan' || dialog.kind === 'result' ? dialog.offset : 0;
  const offset = Math.max(0, Math.min(offsetWanted, lines.length - viewport));
  return { width, inner, lines, viewport, offset, footer, typedNameRows };
}

/** "steps 3–9 of 40 · ↑/↓ scroll (pgup/pgdn, home/end)" for the rows on screen; empty when they all fit. */
export function scrollPosition(layout: DialogLayout): string {
  if (layout.lines.length <= layout.viewport) return '';
  const shown = layout.lines.slice(layout.offset, layout.offset + layout.viewport);
  const ranges = new Map<string, { first: number; last: number; of: number }>();
  for (const line of shown) {
    if (!line.group) continue;
    const range = ranges.get(line.group.name);
    ranges.set(line.group.name, range ? { ...range, last: line.group.item } : { first: line.group.item, last: line.group.item, of: line.group.of });
  }
  const parts = [...ranges].map(([name, { first, last, of }]) => `${name} ${first === last ? first : `${first}–${last}`} of ${of}`);
  const moves = layout.offset === 0 ? '↓ scrolls' : layout.offset + layout.viewport >= layout.lines.length ? '↑ scrolls back' : '↑/↓ scroll';
  return [...parts, `${moves} (pgup/pgdn, home/end)`].join(' · ');
}

function planLines(dialog: Extract<Dialog, { kind: 'plan' }>, inner: number): DialogLine[] {
  const lines: DialogLine[] = wrapText(PLAN_HEADING, inner).map((text) => ({ text, tone: 'heading' }));
  const of = dialog.steps.length;
  dialog.steps.forEach((step, index) => {
    const group = { name: 'steps' as const, item: index + 1, of };
    const number = `${index + 1}. `;
    const hanging = textWidth(number);
    for (const text of wrapText(number + step.description, inner, hanging)) lines.push({ text, tone: 'text', group });
    for (const sql of step.sql ?? []) {
      for (const line of sqlBlock(sql, '').split('\n')) {
        const own = line.length - line.trimStart().length;
        // Under the step's text, a wrapped statement continues further in than its own indentation.
        for (const text of wrapText(' '.repeat(hanging + 2) + line, inner, hanging + 2 + own + 4)) lines.push({ text, tone: 'sql', group });
      }
    }
  });
  if (dialog.changes.length > 0) lines.push(...changeLines(dialog.changes, inner));
  return lines;
}

/** "Changes (3):" and one aligned row per field: "  limits.maxUsers  10 → 50". */
function changeLines(changes: readonly PlanChange[], inner: number): DialogLine[] {
  const fieldWidth = Math.min(Math.max(...changes.map((change) => textWidth(change.field))), Math.floor(inner / 2));
  const lines: DialogLine[] = [{ text: `Changes (${changes.length}):`, tone: 'heading' }];
  changes.forEach((change, index) => {
    const group = { name: 'changes' as const, item: index + 1, of: changes.length };
    const field = change.field + ' '.repeat(Math.max(0, fieldWidth - textWidth(change.field)));
    for (const text of wrapText(`  ${field}  ${change.from} → ${change.to}`, inner, fieldWidth + 4)) lines.push({ text, tone: 'text', group });
  });
  return lines;
}

function resultLines(rows: readonly string[], inner: number): DialogLine[] {
  return rows.flatMap((row, index) =>
    wrapText(row, inner, 2).map((text): DialogLine => ({ text, tone: 'text', group: { name: 'lines', item: index + 1, of: rows.length } })),
  );
}

/** The fixed rows under the scrolling part, wrapped; DialogView colours them by tone. */
function footerLines(dialog: Dialog, inner: number): FooterLine[] {
  switch (dialog.kind) {
    case 'plan': {
      if (dialog.confirmName === null) return [{ text: 'enter or y applies · esc or n cancels', tone: 'confirm' }];
      const status = typedNameStatus(dialog);
      return wrapText(status.text, inner, 2).map((text) => ({ text, tone: status.tone }));
    }
    case 'result': {
      const closes: FooterLine = { text: `enter closes${dialog.secret ? '; the secret cannot be shown again' : ''}`, tone: 'dim' };
      if (!dialog.secret) return [closes];
      const secret = `${dialog.secret.label}: ${dialog.secret.value}`;
      return textWidth(`${secret}${SHOWN_ONCE}`) <= inner
        ? [{ text: secret + SHOWN_ONCE, tone: 'secret' }, closes]
        : [{ text: secret, tone: 'secret' }, { text: SHOWN_ONCE.trim(), tone: 'note' }, closes];
    }
    case 'form':
    case 'busy':
      return [];
  }
}

export const SHOWN_ONCE = ' (shown once: store it now)';

/** Whether the name typed so far is the exact name, live; after a refused enter, that nothing was written. */
function typedNameStatus(dialog: Extract<Dialog, { kind: 'plan' }>): { text: string; tone: FooterLine['tone'] } {
  const typed = dialog.typed.value;
  if (dialog.refused !== null)
    return {
      text: `✗ Nothing was written: "${dialog.refused}" does not match the exact name (case and spaces count). Type it again, or esc cancels.`,
      tone: 'bad',
    };
  if (typed === dialog.confirmName) return { text: '✓ matches the exact name: enter applies · esc cancels', tone: 'ok' };
  if (typed === '') return { text: 'case and spaces count · esc cancels', tone: 'dim' };
  return { text: '✗ does not match the exact name yet (case and spaces count) · esc cancels', tone: 'note' };
}
