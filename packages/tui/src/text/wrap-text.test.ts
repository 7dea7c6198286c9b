import { describe, expect, it } from 'vitest';
import { textWidth } from './text-width.ts';
import { wrapText } from './wrap-text.ts';

describe('wrapText', () => {
  it('breaks at spaces within the width, later rows under a hanging indent', () => {
    expect(wrapText('1. Mark acme-corp pending deletion: its users stop working', 24, 3)).toEqual([
      '1. Mark acme-corp',
      '   pending deletion: its',
      '   users stop working',
    ]);
  });

  it('breaks a word wider than a row, keeps leading indentation, and counts wide characters as two cells', () => {
    expect(wrapText('  "provision_fingerprint", "created_at"', 16, 4)).toEqual(['  "provision_fin', '    gerprint",', '    "created_at"']);
    const rows = wrapText('東京都 千代田区 丸の内 一丁目', 10);
    expect(rows.every((row) => textWidth(row) <= 10)).toBe(true);
    expect(rows.join('').replaceAll(' ', '')).toBe('東京都千代田区丸の内一丁目');
  });

  it('keeps an empty line as one empty row', () => {
    expect(wrapText('', 10)).toEqual(['']);
  });
});
