import { parseCsv } from './parse-csv.ts';
import { parseJson } from './parse-json.ts';
import type { BulkFormat, ParsedBulkFile } from './parsed-bulk-file.ts';

export type { BulkFormat, ParsedBulkFile } from './parsed-bulk-file.ts';

/** A bulk file's rows; the format from `format`, else the file name, else the first character. */
export function parseBulkFile(text: string, options: { format?: BulkFormat; name?: string } = {}): ParsedBulkFile {
  const format = options.format ?? formatOf(options.name, text);
  return format === 'json' ? parseJson(text) : parseCsv(text);
}

function formatOf(name: string | undefined, text: string): BulkFormat {
  if (name?.toLowerCase().endsWith('.json')) return 'json';
  if (name?.toLowerCase().endsWith('.csv')) return 'csv';
  return /^\uFEFF?\s*\[/.test(text) ? 'json' : 'csv';
}
