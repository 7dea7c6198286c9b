import { KEYMAP, SCOPES, SCOPE_TITLES, keyLabel } from './keymap.ts';
import { JUMP_TARGETS } from './state/navigation.ts';

/** docs/keybindings.md, from the keymap the console itself uses. */
export function renderKeybindingDocs(): string {
  const sections = SCOPES.map((scope) => {
    const rows = KEYMAP.filter((binding) => binding.scope === scope).map(
      (binding) =>
        `| ${binding.keys.map((key) => `\`${keyLabel(key)}\``).join(', ')} | ${binding.description}${binding.mutates ? ' (disabled by `--readonly`)' : ''} |`,
    );
    return [`## ${SCOPE_TITLES[scope]}`, '', '| keys | action |', '| --- | --- |', ...rows, ''].join('\n');
  });
  return [
    '# Console key bindings',
    '',
    '<!-- Generated from packages/tui/src/app/keymap.ts by `pnpm docs:generate`; do not edit by hand. -->',
    '',
    'Open the console with `tenantry` (no arguments) on a terminal, or `tenantry console [--readonly]`. The',
    'footer shows the main keys of the current screen and `?` shows all of them. Inside a text field, letters',
    '(`q` too) are text: only `esc`, `enter`, `tab`, `ctrl+c` and the text-field keys below act. Several keys',
    `arriving at once (a paste, fast typing) are handled in order. \`:\` jumps to ${JUMP_TARGETS.join(', ')}.`,
    '',
    ...sections,
  ].join('\n');
}
