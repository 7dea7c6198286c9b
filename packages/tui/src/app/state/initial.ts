import type { ConsoleState } from './types.ts';
import { initialWizard } from './wizard.ts';

export function initialState(readonly: boolean): ConsoleState {
  return {
    route: { screen: 'tenants' },
    history: [],
    help: false,
    helpOffset: 0,
    jump: null,
    tenants: { filter: '', filtering: false, filterCursor: 0, cursor: 0, sort: 'slug', descending: false },
    detail: { tab: 'overview', cursor: 0 },
    wizard: initialWizard,
    doctorCursor: 0,
    platformCursor: 0,
    dialog: null,
    notice: null,
    request: null,
    dialogTarget: null,
    nextRequestId: 1,
    refreshes: 0,
    quit: false,
    readonly,
  };
}
