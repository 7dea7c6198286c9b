import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../text/text-width.ts';
import type { IO } from '../command.ts';
import { renderTable, type Column } from './table.ts';

const io = (tty: boolean, columns = 40): IO => {
  const stdout = Object.assign(new PassThrough(), { isTTY: tty, columns });
  return { stdin: new PassThrough(), stdout, stderr: new PassThrough(), env: {} };
};
interface Row {
  slug: string;
  name: string;
  users: number;
  status: string;
}
const columns: Column<Row>[] = [
  { header: 'slug', value: (row) => row.slug },
  { header: 'name', value: (row) => row.name, shrink: true },
  { header: 'status', value: (row, terminal) => (terminal ? `✓ ${row.status}` : row.status), dropOrder: 1 },
  { header: 'users', value: (row) => String(row.users), align: 'right' },
];
const rows: Row[] = [
  { slug: 'acme', name: 'Acme Corporation International Holdings', users: 3, status: 'active' },
  { slug: 'globex', name: 'Globex\tCorp', users: 12, status: 'active' },
];
const lines = (text: string) => text.trimEnd().split('\n');

describe('renderTable', () => {
  it.each([
    {
      case: 'piped: tab-separated, complete, headed, no glyphs',
      tty: false,
      width: 40,
      rows,
      expected: 'slug\tname\tstatus\tusers\nacme\tAcme Corporation International Holdings\tactive\t3\nglobex\tGlobex Corp\tactive\t12\n',
    },
  ])('$case', ({ tty, width, rows: input, expected }) => {
    expect(renderTable(io(tty, width), columns, input)).toBe(expected);
  });

  it('on a terminal: aligned, within the width, the shrinking column cut first', () => {
    const out = lines(renderTable(io(true, 44), columns, rows));
    expect(out[0]).toMatch(/^SLUG {4}NAME +STATUS +USERS$/);
    expect(out.every((line) => textWidth(line) <= 44)).toBe(true);
    expect(out[1]).toContain('…');
    expect(out[1]).toContain('✓ active');
    expect(out[2]).toMatch(/ 12$/);
  });

  it('never cuts a column that does not shrink (a slug): optional columns are left out instead', () => {
    const long = [{ slug: 'a-very-long-tenant-slug-that-must-stay-whole', name: 'Long', users: 1, status: 'active' }];
    const out = lines(renderTable(io(true, 60), columns, long));
    expect(out[0]).not.toContain('STATUS');
    expect(out[1]).toContain('a-very-long-tenant-slug-that-must-stay-whole');
    expect(out.every((line) => textWidth(line) <= 60)).toBe(true);
  });

  it('counts terminal cells, not code points: CJK names and emoji stay aligned', () => {
    const wide = [
      { slug: 'tokyo', name: '東京株式会社', users: 1, status: 'active' },
      { slug: 'party', name: 'Party 🎉 Co', users: 22, status: 'active' },
      { slug: 'plain', name: 'Plain', users: 333, status: 'active' },
    ];
    const out = lines(renderTable(io(true, 80), columns, wide));
    const widths = new Set(out.map((line) => textWidth(line)));
    expect(widths.size).toBe(1);
    const cut = lines(renderTable(io(true, 30), columns, wide));
    expect(cut.every((line) => textWidth(line) <= 30)).toBe(true);
  });
});
