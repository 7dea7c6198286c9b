import { describe, expect, it } from 'vitest';
import { EXPORT_VERSION, parseExport } from './export-document.ts';
import { givenExportKey, signBody } from './export-key.ts';

const key = givenExportKey('an export key for the malformed-row tests');

const HEADER = JSON.stringify({
  format: 'tenantry.tenant-export',
  version: EXPORT_VERSION,
  exportedAt: '2026-01-01T00:00:00.000Z',
  tenant: { id: '01a2374b-f00e-7ee1-aa8f-91d771dfed6e', slug: 'acme', name: 'Acme', isolation: 'schema', schemaName: 'tenant_acme', status: 'active' },
  blueprint: { name: 'tenantry-sample', migrations: [] },
  controlPlaneMigrations: [],
  tables: [],
});

/** A file whose signature matches its (malformed) content, as one signed with a leaked key would have. */
function withTrailer(lines: string[]): string {
  const body = `${lines.join('\n')}\n`;
  return `${body}${JSON.stringify({ hmac: signBody(key, body), keyId: key.id })}\n`;
}

function codeOf(text: string): string {
  try {
    parseExport(text, key);
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
