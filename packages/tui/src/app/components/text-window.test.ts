import { describe, expect, it } from 'vitest';
import { textWidth } from '../../text/text-width.ts';
import { textWindow } from './text-window.ts';

const drawn = (value: string, cursor: number, width: number) => {
  const view = textWindow(value, cursor, width);
  return `${view.before}[${view.at}]${view.after}`;
};

describe('textWindow', () => {
  it('shows a value that fits whole, the cursor on its character or past the end', () => {
    expect(drawn('Acme', 1, 10)).toBe('A[c]me');
    expect(drawn('Acme', 4, 10)).toBe('Acme[ ]');
  });

  it('scrolls a longer value so the cursor stays visible, marking the cut sides', () => {
    const value = 'abcdefghijklmnopqrstuvwxyz';
    expect(drawn(value, 26, 10)).toBe('…stuvwxyz[ ]');
    expect(drawn(value, 0, 10)).toBe('[a]bcdefghi…');
    expect(drawn(value, 13, 10)).toBe('…ghijklm[n]…');
    for (let cursor = 0; cursor <= value.length; cursor++) {
      const view = textWindow(value, cursor, 10);
      expect(textWidth(view.before + view.at + view.after), `cursor ${cursor}`).toBeLessThanOrEqual(10);
      expect(view.at).toBe(value[cursor] ?? ' ');
    }
  });

  it('counts terminal cells: a wide character takes two', () => {
    const value = '東京都千代田区丸の内';
    const view = textWindow(value, value.length, 9);
    expect(textWidth(view.before + view.at + view.after)).toBeLessThanOrEqual(9);
    expect(view.before).toBe('…丸の内');
  });
});
