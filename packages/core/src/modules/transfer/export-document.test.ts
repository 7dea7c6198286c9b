import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseExport } from './export-document.ts';

const HEADER = JSON.stringify({
  format: 'tenantry.tenant-export',
  version: 1,
  exportedAt: '2026-01-01T00:00:00.000Z',
  tenant: { id: '01a2374b-f00e-7ee1-aa8f-91d771dfed6e', slug: 'acme', name: 'Acme', isolation: 'schema', schemaName: 'tenant_acme', status: 'active' },
  blueprint: { name: 'tenantry-sample', migrations: [] },
  controlPlaneMigrations: [],
  tables: [],
});

/** A file whose checksum trailer matches its (malformed) content, as a hand-edited export would have. */
function withTrailer(lines: string[]): string {
  const body = `${lines.join('\n')}\n`;
  return `${body}${JSON.stringify({ checksum: createHash('sha256').update(body).digest('hex') })}\n`;
}

function codeOf(text: string): string {
  try {
    parseExport(text);
    return 'parsed';
  } catch (error) {
    return (error as { code?: string }).code ?? 'thrown';
  }
}

describe('parseExport refuses a malformed row as EXPORT_INVALID, never an internal error', () => {
  it.each([
    ['a row that is not JSON', '{"section":"control","table":"tenants","row":{not json}}'],
    ['a null row', '{"section":"control","table":"tenants","row":null}'],
    ['an array row', '{"section":"data","table":"assets","row":[1,2]}'],
    ['a string row', '{"section":"data","table":"assets","row":"x"}'],
  ])('%s', (_case, line) => {
    expect(codeOf(withTrailer([HEADER, line]))).toBe('EXPORT_INVALID');
  });

  it('a header without the tenant', () => {
    expect(codeOf(withTrailer(['{"format":"tenantry.tenant-export","version":1}']))).toBe('EXPORT_INVALID');
    expect(codeOf(withTrailer([HEADER, '{"section":"control","table":"tenants","row":{"id":"x"}}']))).toBe('parsed');
  });
});
