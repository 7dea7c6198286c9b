import { describe, expect, it } from 'vitest';
import { textAt } from '../state/text.ts';
import type { Dialog } from '../state/types.ts';
import { dialogLayout, scrollPosition } from './dialog-layout.ts';

const result = (offset: number): Dialog => ({
  kind: 'result',
  title: 'Imported 30 rows',
  lines: Array.from({ length: 30 }, (_, index) => `row ${index + 1}`),
  secret: { label: 'API key', value: 'tnt_0123456789abcdef' },
  offset,
});

describe('dialogLayout', () => {
  it('scrolls a result between its title and its secret, which never scrolls away', () => {
    const layout = dialogLayout(result(0), 80, 12);
    // 12 rows: border 2, title 1, secret and "enter closes" 2, the position 1: 6 rows of lines.
    expect(layout.viewport).toBe(6);
    expect(layout.footer.map((line) => line.text)).toEqual([
      'API key: tnt_0123456789abcdef (shown once: store it now)',
      'enter closes; the secret cannot be shown again',
    ]);
    expect(scrollPosition(layout)).toBe('lines 1–6 of 30 · ↓ scrolls (pgup/pgdn, home/end)');
    const end = dialogLayout(result(99), 80, 12);
    expect(end.offset).toBe(24);
    expect(scrollPosition(end)).toBe('lines 25–30 of 30 · ↑ scrolls back (pgup/pgdn, home/end)');
  });

  it('shows no position when everything fits', () => {
    const plan: Dialog = {
      kind: 'plan',
      action: 'suspend',
      title: 'Suspend acme-corp',
      steps: [{ description: 'Suspend acme-corp' }],
      changes: [{ field: 'status', from: 'active', to: 'suspended' }],
      values: {},
      confirmName: null,
      typed: textAt(''),
      refused: null,
      fingerprint: null,
      offset: 0,
    };
    const layout = dialogLayout(plan, 80, 22);
    expect(layout.lines.map((line) => line.text)).toEqual([
      'The plan (nothing is written until you confirm):',
      '1. Suspend acme-corp',
      'Changes (1):',
      '  status  active → suspended',
    ]);
    expect(scrollPosition(layout)).toBe('');
  });
});
