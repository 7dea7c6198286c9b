import type { ActionId } from '../keymap.ts';

/** Moves a cursor for a list-navigation action; undefined when the action is not a movement. */
export function moveCursor(action: ActionId | undefined, cursor: number, rowCount: number, pageSize: number): number | undefined {
  const last = Math.max(0, rowCount - 1);
  const clamp = (value: number) => Math.max(0, Math.min(value, last));
  switch (action) {
    case 'up':
      return clamp(cursor - 1);
    case 'down':
      return clamp(cursor + 1);
    case 'pageUp':
      return clamp(cursor - Math.max(1, pageSize));
    case 'pageDown':
      return clamp(cursor + Math.max(1, pageSize));
    case 'top':
      return 0;
    case 'bottom':
      return last;
    default:
      return undefined;
  }
}
