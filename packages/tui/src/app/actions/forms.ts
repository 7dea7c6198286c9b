import type { ActionId } from '../keymap.ts';
import type { ConsoleRoute, ViewInfo } from '../state/types.ts';
import type { ActionOpening } from './form-fields.ts';
import { openFleetAction } from './fleet-forms.ts';
import { openItemAction } from './item-forms.ts';
import { openTenantAction } from './tenant-forms.ts';

export type { ActionOpening } from './form-fields.ts';

/** What a keymap action opens on the screen shown: the operation and its form, or undefined when nothing applies. */
export function openAction(action: ActionId, view: ViewInfo, route: ConsoleRoute): ActionOpening | undefined {
  if (route.screen === 'tenant') {
    if (!view.tenant) return undefined;
    return openTenantAction(action, view.tenant) ?? openItemAction(action, view.selection);
  }
  if (route.screen === 'platform' && action === 'revokeItem') return openItemAction(action, view.selection);
  return openFleetAction(action, view.selection);
}
