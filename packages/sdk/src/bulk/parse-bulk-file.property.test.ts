import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TenantryError } from '@tenantry/core';
import { parseBulkFile } from './parse-bulk-file.ts';

const RUNS = { numRuns: 300 } as const;

function outcomeCode(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof TenantryError) return error.code;
    throw error;
  }
}

/** A cell value as an operator might type it: any characters (quotes, commas, newlines too), no surrounding blanks. */
const cell = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 15 })
  .map((value) => value.replace(/\r/g, '').trim())
  .filter((value) => value.length > 0);
const tenants = fc.array(fc.record({ name: cell, slug: cell, ownerEmail: cell }), { minLength: 1, maxLength: 6 });

const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

describe('bulk file parsers (properties)', () => {
  it('never throw anything but INVALID_INPUT, whatever the text, in either format', () => {
    const texts = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.json().map((json) => `[${json}]`),
      fc
        .array(
          fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }).map((cells) => cells.join(',')),
          { maxLength: 5 },
        )
        .map((lines) => lines.join('\n')),
    );
    fc.assert(
      fc.property(texts, fc.constantFrom('csv' as const, 'json' as const, undefined), (text, format) => {
        expect([null, 'INVALID_INPUT']).toContain(outcomeCode(() => parseBulkFile(text, format ? { format } : {})));
      }),
      RUNS,
    );
  });

  it('CSV round trip: quoted cells come back exactly, one row per record, each with the line it starts on', () => {
    fc.assert(
      fc.property(tenants, fc.constantFrom('\n', '\r\n'), (rows, newline) => {
        const records = rows.map((row) => [row.name, row.slug, row.ownerEmail].map(quote).join(','));
        const text = ['name,slug,owner-email', ...records].join(newline) + newline;
        const parsed = parseBulkFile(text, { format: 'csv' });
        expect(parsed.rows.map((row) => row.input)).toEqual(rows);
        let line = 2;
        parsed.rows.forEach((row, index) => {
          expect(row).toMatchObject({ row: index + 1, line });
          line += (records[index]?.match(/\n/g)?.length ?? 0) + 1;
        });
      }),
      RUNS,
    );
  });

  it('JSON round trip: plain tenant inputs come back as they were, numbered from 1', () => {
    fc.assert(
      fc.property(tenants, (rows) => {
        const parsed = parseBulkFile(`\uFEFF${JSON.stringify(rows, null, 1)}`);
        expect(parsed).toEqual({ format: 'json', rows: rows.map((input, index) => ({ row: index + 1, input })) });
      }),
      RUNS,
    );
  });
});
