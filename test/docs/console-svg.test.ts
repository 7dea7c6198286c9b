import { describe, expect, it } from 'vitest';
import { ansiToSvg } from '../../packages/tui/scripts/screenshots/ansi-svg.ts';

const ESC = '\u001b';
const svgOf = (capture: string) => ansiToSvg(capture, { columns: 20, rows: 3, title: 'test' });
/** The screen's texts, not the window title's. */
const texts = (svg: string) =>
  [...svg.slice(svg.indexOf('<g ')).matchAll(/<text x="([^"]*)" y="[^"]*" ([^>]*)>([^<]*)<\/text>/g)].map(([, x, attributes, text]) => ({
    x,
    attributes,
    text,
  }));

describe('the console screenshots: ANSI capture to SVG', () => {
  it('puts every character in its cell, wide ones taking two, and keeps the spaces between', () => {
    const [line] = texts(svgOf('a  東x\n'));
    expect(line).toMatchObject({ text: 'a  東x', x: '0 8.4 16.8 25.2 42' });
  });

  it('honours colours, bold, dim and inverse video', () => {
    const svg = svgOf(`${ESC}[31mred${ESC}[39m ${ESC}[1mbold${ESC}[22m ${ESC}[2mdim${ESC}[0m\n${ESC}[7minverse${ESC}[27m\n`);
    const [red, bold, dim] = texts(svg);
    expect(red).toMatchObject({ text: 'red', attributes: 'fill="#e06c75"' });
    expect(bold).toMatchObject({ text: 'bold', attributes: 'fill="#d7dae0" font-weight="bold"' });
    expect(dim?.text).toBe('dim');
    expect(dim?.attributes).not.toContain('#d7dae0');
    // Inverse: the foreground colour fills the cells, the text takes the background's.
    expect(svg).toMatch(/<rect x="0" y="\d+(\.\d)?" width="58.8" height="17" fill="#d7dae0"\/><text [^>]*fill="#1e2127">inverse</);
  });

  it('escapes what XML would read as markup', () => {
    expect(texts(svgOf('<a & b>\n'))[0]?.text).toBe('&lt;a &amp; b&gt;');
  });
});
