import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RUNS, outcomeCode } from '../../testing/properties.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, parseExport, serializeExport, type TenantExport } from './export-document.ts';
import { givenExportKey } from './export-key.ts';

const key = givenExportKey('a property-test export key of enough length');
const otherKey = givenExportKey('another export key, of another installation');

const text = fc.string({ unit: 'grapheme', maxLength: 20 });
const table = fc.stringMatching(/^[a-z_][a-z0-9_$]{0,20}$/);
const section = fc.constantFrom('control' as const, 'data' as const, 'audit' as const);
/** A row as PostgreSQL writes it: one line of JSON (JSON.stringify never emits a raw newline). */
const row = fc.record({
  section,
  table,
  json: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }).map((value) => JSON.stringify(value)),
});

const documents: fc.Arbitrary<TenantExport> = fc.record({
  header: fc.record({
    format: fc.constant(EXPORT_FORMAT),
    version: fc.constant(EXPORT_VERSION),
    exportedAt: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
    tenant: fc.record({
      id: fc.uuid(),
      slug: text,
      name: text,
      isolation: fc.constantFrom('schema' as const, 'shared' as const),
      schemaName: fc.option(text, { nil: null }),
      status: text,
    }),
    blueprint: fc.record({ name: text, migrations: fc.array(fc.record({ id: text, checksum: fc.stringMatching(/^[0-9a-f]{0,64}$/) }), { maxLength: 3 }) }),
    controlPlaneMigrations: fc.array(text, { maxLength: 4 }),
    tables: fc.array(fc.record({ section, table, rows: fc.nat() }), { maxLength: 4 }),
  }),
  rows: fc.array(row, { maxLength: 8 }),
});

/** One edit to a file: a character changed, removed, added, or the file cut short. */
const damage = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), by: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), by: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
);

function damaged(file: string, edit: { kind: string; at: number; by?: string }): string {
  const at = edit.at % file.length;
  switch (edit.kind) {
    case 'replace':
      return `${file.slice(0, at)}${edit.by ?? ''}${file.slice(at + 1)}`;
    case 'remove':
      return `${file.slice(0, at)}${file.slice(at + 1)}`;
    case 'insert':
      return `${file.slice(0, at)}${edit.by ?? ''}${file.slice(at)}`;
    default:
      return file.slice(0, at);
  }
}

describe('export documents (properties)', () => {
  it('round trip: parseExport(serializeExport(document, key), key) is the document', () => {
    fc.assert(
      fc.property(documents, (document) => void expect(parseExport(serializeExport(document, key), key)).toEqual(document)),
      RUNS,
    );
  });

  it('a damaged file is EXPORT_INVALID, never another error; only an edit that changes nothing read may pass', () => {
    fc.assert(
      fc.property(documents, damage, (document, edit) => {
        const file = serializeExport(document, key);
        const broken = damaged(file, edit);
        const code = outcomeCode(() => parseExport(broken, key));
        if (code === null) expect(parseExport(broken, key)).toEqual(document);
        else expect(code).toBe('EXPORT_INVALID');
      }),
      RUNS,
    );
  });

  it('a file signed with another key is EXPORT_INVALID', () => {
    fc.assert(
      fc.property(documents, (document) => void expect(outcomeCode(() => parseExport(serializeExport(document, otherKey), key))).toBe('EXPORT_INVALID')),
      RUNS,
    );
  });

  it('any text at all is EXPORT_INVALID', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.array(fc.json(), { maxLength: 4 }).map((lines) => lines.join('\n')),
        ),
        (input) => void expect(outcomeCode(() => parseExport(input, key))).toBe('EXPORT_INVALID'),
      ),
      RUNS,
    );
  });
});
