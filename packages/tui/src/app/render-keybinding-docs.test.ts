import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEYMAP } from './keymap.ts';
import { renderKeybindingDocs } from './render-keybinding-docs.ts';

describe('docs/keybindings.md', () => {
  it('matches the keymap (run `pnpm docs:generate` after changing a binding)', () => {
    expect(readFileSync(new URL('../../../../docs/keybindings.md', import.meta.url), 'utf8')).toBe(renderKeybindingDocs());
  });

  it('binds no key twice within a scope', () => {
    const seen = new Set<string>();
    for (const binding of KEYMAP) {
      for (const key of binding.keys) {
        const id = `${binding.scope}:${key}`;
        expect(seen.has(id), id).toBe(false);
        seen.add(id);
      }
    }
  });
});
