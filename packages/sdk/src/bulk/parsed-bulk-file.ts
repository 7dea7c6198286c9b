export type BulkFormat = 'csv' | 'json';

/** A bulk file read into rows, before validation: each row's number, its line in a CSV file, and its raw input. */
export interface ParsedBulkFile {
  format: BulkFormat;
  rows: { row: number; line?: number; input: unknown }[];
}
