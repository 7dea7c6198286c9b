import { describe, expect, it } from 'vitest';
import { freeText, normalizeHostname } from './fields.ts';

describe('normalizeHostname', () => {
  it.each(['xn--zz.org', 'xn--a.example.com', 'xn--.org', 'app.xn--zz'])('refuses %s: its xn-- label is not valid punycode', (hostname) => {
    expect(normalizeHostname(hostname)).toBeUndefined();
  });

  it.each([
    ['bücher.example', 'xn--bcher-kva.example'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['App.Example.COM.', 'app.example.com'],
    ['xn--Bcher-kva.example', 'xn--bcher-kva.example'],
  ])('keeps %s as %s', (input, expected) => {
    expect(normalizeHostname(input)).toBe(expected);
  });
});

describe('freeText', () => {
  it.each(['\u001b[2J\u001b[Hcleared', 'bell\u0007', 'two\nlines', 'nul\u0000', 'csi\u009b31m'])('refuses control characters and escapes: %j', (text) => {
    expect(freeText(500).safeParse(text).success).toBe(false);
  });

  it('accepts ordinary text, trimmed', () => {
    expect(freeText(500).parse('  unpaid invoice #42 — café  ')).toBe('unpaid invoice #42 — café');
  });
});
