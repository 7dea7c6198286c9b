import { bindingOf, bindingsFor, keyLabel, type ActionId, type Scope } from '../keymap.ts';
import type { ConsoleState, Dialog } from '../state/types.ts';
import { WIZARD_FIELDS } from '../state/wizard.ts';

/** Where letters are text, q is a q: only ctrl+c quits. */
const TYPING_QUIT = `${keyLabel('ctrl+c')} ${bindingOf('quit', 'global')?.hint ?? 'quit'}`;
const CURSOR = `←/→ ${bound('cursorLeft', 'text')}`;
const CHOOSE = '←/→ choose';
const SCROLL = `↑/↓ ${bound('up', 'dialog')}`;

/**
 * The footer's key hints: the keys that act here and now. Over a screen they come from its keymap
 * scopes; in a text field, a dialog or the help, from what that place really does with a key.
 */
export function footerHints(state: ConsoleState, scopes: readonly Scope[], scrollable: boolean): string[] {
  if (state.dialog) return dialogHints(state.dialog, scrollable);
  if (state.jump) return [TYPING_QUIT, `${keyLabel('tab')} ${bound('complete', 'text')}`, 'enter go', 'esc cancel', CURSOR];
  // In the help, q closes it.
  if (state.help) return [TYPING_QUIT, '? q or esc close', SCROLL];
  if (state.route.screen === 'wizard') return wizardHints(state);
  if (state.route.screen === 'tenants' && state.tenants.filtering) return [TYPING_QUIT, 'enter keep the filter', 'esc clear it', CURSOR];
  return bindingsFor(scopes)
    .filter((binding) => binding.hint && !(state.readonly && binding.mutates))
    .map((binding) => `${keyLabel(binding.keys[0] ?? '')} ${binding.hint}`);
}

function dialogHints(dialog: Dialog, scrollable: boolean): string[] {
  const scroll = scrollable ? [SCROLL] : [];
  switch (dialog.kind) {
    case 'busy':
      return [TYPING_QUIT];
    case 'result':
      return [TYPING_QUIT, 'enter close', ...scroll];
    case 'form': {
      const choice = dialog.fields[dialog.focus]?.choices !== undefined;
      return [TYPING_QUIT, 'enter plan', `esc ${bound('cancel', 'dialog')}`, 'tab next field', choice ? CHOOSE : CURSOR];
    }
    case 'plan': {
      const confirm = `enter ${bound('confirm', 'dialog')}`;
      const cancel = `esc ${bound('cancel', 'dialog')}`;
      return dialog.confirmName === null ? [TYPING_QUIT, confirm, cancel, ...scroll] : [TYPING_QUIT, `${confirm} (exact name)`, cancel, CURSOR, ...scroll];
    }
  }
}

function wizardHints(state: ConsoleState): string[] {
  const field = WIZARD_FIELDS[state.wizard.focus];
  const kind = field?.kind ?? 'text';
  const moves = kind === 'choice' ? [CHOOSE] : kind === 'toggle' ? ['space toggle'] : kind === 'features' ? ['←/→ feature', 'space toggle'] : [CURSOR];
  return [TYPING_QUIT, `esc ${bound('back', 'global')}`, `tab ${bound('nextField', 'wizard')}`, ...moves, `enter ${bound('submit', 'wizard')}`];
}

function bound(action: ActionId, scope: Scope): string {
  return bindingOf(action, scope)?.hint ?? action;
}
