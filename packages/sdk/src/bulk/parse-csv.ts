import { parse } from 'csv-parse/sync';
import { TenantryError, type InputIssue } from '@tenantry/core';
import { BOOLEAN_FIELDS, INTEGER_FIELDS, canonicalFeature, fieldFor } from './field-names.ts';
import type { ParsedBulkFile } from './parsed-bulk-file.ts';

/**
 * A CSV bulk file: a header with one column per `tenant create` field, then one tenant per record.
 * Parsed with csv-parse (quotes, escaped quotes, separators and newlines inside quotes, a BOM, CRLF or
 * LF). Empty cells are absent values; features are lists separated by ';', '|' or spaces.
 */
export function parseCsv(text: string): ParsedBulkFile {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw TenantryError.invalidInput([{ path: 'file', message: `is not valid CSV: ${reason}` }]);
  }
  const [header = [], ...data] = records;
  const fields = header.map((column) => fieldFor(column));
  const unknown = header.filter((_, index) => fields[index] === undefined);
  const issues: InputIssue[] = unknown.map((column) => ({ path: 'file', message: `column "${column}" is not a tenant create field` }));
  const repeated = fields.filter((field, index) => field !== undefined && fields.indexOf(field) !== index);
  if (repeated.length > 0) issues.push({ path: 'file', message: `more than one column fills ${[...new Set(repeated)].join(', ')}` });
  if (header.length === 0) issues.push({ path: 'file', message: 'is empty: the first line must name the columns' });
  if (issues.length > 0) throw TenantryError.invalidInput(issues);
  const lines = recordStartLines(text.replace(/^\uFEFF/, ''));
  return {
    format: 'csv',
    rows: data.map((cells, index) => ({ row: index + 1, line: lines[index + 1] ?? index + 2, input: rowInput(fields as string[], cells) })),
  };
}

function rowInput(fields: readonly string[], cells: readonly string[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const features: Record<string, boolean> = {};
  fields.forEach((field, index) => {
    const value = cells[index] ?? '';
    if (value === '') return;
    if (field === 'features' || field === 'noFeatures') {
      for (const name of value.split(/[;|\s]+/).filter(Boolean)) features[canonicalFeature(name)] = field === 'features';
    } else if (INTEGER_FIELDS.has(field)) {
      input[field] = /^-?\d+$/.test(value) ? Number(value) : value;
    } else if (BOOLEAN_FIELDS.has(field)) {
      input[field] = parseBoolean(value);
    } else {
      input[field] = value;
    }
  });
  if (Object.keys(features).length > 0) input.features = features;
  return input;
}

function parseBoolean(value: string): boolean | string {
  const lowered = value.toLowerCase();
  if (['true', 'yes', 'y', '1'].includes(lowered)) return true;
  if (['false', 'no', 'n', '0'].includes(lowered)) return false;
  return value;
}

/** The line each CSV record starts on (1-based), skipping empty lines, with quotes spanning lines. */
function recordStartLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let inQuotes = false;
  let atRecordStart = true;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (atRecordStart && char !== '\n' && char !== '\r') {
      starts.push(line);
      atRecordStart = false;
    }
    if (char === '"') inQuotes = !inQuotes;
    if (char === '\n') {
      line++;
      if (!inQuotes) atRecordStart = true;
    }
  }
  return starts;
}
