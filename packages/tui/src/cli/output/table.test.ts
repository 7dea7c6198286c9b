import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { IO } from '../command.ts';
import { renderTable, type Column } from './table.ts';

const io = (tty: boolean, columns = 40): IO => {
  const stdout = Object.assign(new PassThrough(), { isTTY: tty, columns });
  return { stdin: new PassThrough(), stdout, stderr: new PassThrough(), env: {} };
};
const columns: Column<{ slug: string; name: string; users: number }>[] = [
  { header: 'slug', value: (row) => row.slug },
  { header: 'name', value: (row) => row.name, shrink: true },
  { header: 'users', value: (row) => String(row.users), align: 'right' },
];
const rows = [
  { slug: 'acme', name: 'Acme Corporation International Holdings', users: 3 },
  { slug: 'globex', name: 'Globex\tCorp', users: 12 },
];

describe('renderTable', () => {
  it('is tab-separated, complete and headed when piped', () => {
    expect(renderTable(io(false), columns, rows)).toBe('slug\tname\tusers\nacme\tAcme Corporation International Holdings\t3\nglobex\tGlobex Corp\t12\n');
  });

  it('aligns and truncates to the terminal width on a TTY', () => {
    const text = renderTable(io(true, 40), columns, rows);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^SLUG {4}NAME +USERS$/);
    expect(lines.every((line) => [...line].length <= 40)).toBe(true);
    expect(lines[1]).toContain('…');
    expect(lines[2]).toMatch(/ 12$/);
  });
});
