import { TenantryError } from '../../errors.ts';
import { signBody, signatureMatches, type ExportKey } from './export-key.ts';
import type { IsolationMode } from '../tenants/tenant.schemas.ts';

export const EXPORT_FORMAT = 'tenantry.tenant-export';
/** 2: the trailer is an HMAC-SHA-256 with an export key (version 1 had a plain SHA-256 anyone could recompute). */
export const EXPORT_VERSION = 2;

export type ExportSection = 'control' | 'data' | 'audit';

/** One row, kept as PostgreSQL's own JSON text (never parsed into JS numbers, so nothing loses precision). */
export interface ExportRow {
  section: ExportSection;
  table: string;
  json: string;
}

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  tenant: { id: string; slug: string; name: string; isolation: IsolationMode; schemaName: string | null; status: string };
  /** The tenant migrations its data space had, with the checksums they were applied with. */
  blueprint: { name: string; migrations: { id: string; checksum: string }[] };
  controlPlaneMigrations: string[];
  /** Rows per section and table, parents before children. */
  tables: { section: ExportSection; table: string; rows: number }[];
}

export interface TenantExport {
  header: ExportHeader;
  rows: ExportRow[];
}

const ROW_LINE = /^\{"section":"(control|data|audit)","table":"([a-z_][a-z0-9_$]*)","row":(.*)\}$/;

/**
 * The file: JSON Lines. A header line, one line per row (`{"section","table","row"}`) and a trailer
 * with the HMAC-SHA-256 of every line before it under an export key (this installation's, or one the
 * operator passes), so a file damaged, truncated, edited or forged without the key is refused.
 */
export function serializeExport(document: TenantExport, key: ExportKey): string {
  const lines = [JSON.stringify(document.header), ...document.rows.map((row) => `{"section":"${row.section}","table":"${row.table}","row":${row.json}}`)];
  const body = `${lines.join('\n')}\n`;
  return `${body}${JSON.stringify({ hmac: signBody(key, body), keyId: key.id })}\n`;
}

/** Verifies the trailer with the key before reading anything else of the file. */
export function parseExport(text: string, key: ExportKey): TenantExport {
  const trimmed = text.endsWith('\n') ? text.slice(0, -1) : text;
  const cut = trimmed.lastIndexOf('\n');
  if (cut < 0) throw exportInvalid('it has no trailer line');
  const body = trimmed.slice(0, cut + 1);
  const trailer = safeJson(trimmed.slice(cut + 1)) as { hmac?: unknown; keyId?: unknown; checksum?: unknown } | undefined;
  if (typeof trailer?.checksum === 'string' && trailer.hmac === undefined) {
    throw exportInvalid(
      'it carries only a plain checksum (export format 1), which anyone can recompute, so it cannot be trusted; export the tenant again with this Tenantry',
      'Version 1 exports are refused: run `tenantry tenant export` again on the installation the tenant lives on.',
    );
  }
  if (typeof trailer?.hmac !== 'string' || typeof trailer.keyId !== 'string') throw exportInvalid('its last line is not the signature trailer (truncated?)');
  if (trailer.keyId !== key.id) {
    const mine = key.source === 'installation' ? `this installation's export key is ${key.id}` : `the key passed is ${key.id}`;
    throw exportInvalid(
      `it was signed with export key ${trailer.keyId}, and ${mine}`,
      'Pass the key it was exported with (--export-key-file), or export it again here.',
      { keyId: trailer.keyId, expectedKeyId: key.id },
    );
  }
  if (!signatureMatches(key, body, trailer.hmac)) throw exportInvalid('its signature does not match its content (damaged or edited)');
  const [first = '', ...rest] = body.slice(0, -1).split('\n');
  const header = safeJson(first) as Partial<ExportHeader> | undefined;
  if (header?.format !== EXPORT_FORMAT) throw exportInvalid(`its first line is not a ${EXPORT_FORMAT} header`);
  if (typeof header.version !== 'number' || header.version > EXPORT_VERSION) {
    throw new TenantryError('EXPORT_VERSION_UNSUPPORTED', {
      message: `The export is format version ${String(header.version)}; this Tenantry reads up to version ${EXPORT_VERSION}.`,
      details: { version: header.version, supported: EXPORT_VERSION },
      hint: 'Import it with the Tenantry version that wrote it, or a newer one.',
    });
  }
  if (!hasTenant(header)) throw exportInvalid('its header does not name the tenant (id, slug, name, isolation)');
  const rows = rest.map((line, index) => {
    const match = ROW_LINE.exec(line);
    if (!match) throw exportInvalid(`line ${index + 2} is not a row`);
    if (!isRecord(safeJson(match[3] as string))) throw exportInvalid(`line ${index + 2}: its row is not a JSON object`);
    return { section: match[1] as ExportSection, table: match[2] as string, json: match[3] as string };
  });
  return { header: header as ExportHeader, rows };
}

export function exportInvalid(
  reason: string,
  hint = 'Pass the file `tenantry tenant export` wrote, unchanged.',
  details: Record<string, unknown> = {},
): TenantryError {
  return new TenantryError('EXPORT_INVALID', { message: `Not a usable Tenantry tenant export: ${reason}.`, details: { reason, ...details }, hint });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasTenant(header: Partial<ExportHeader>): boolean {
  const tenant: unknown = header.tenant;
  if (!isRecord(tenant)) return false;
  return (
    ['id', 'slug', 'name', 'isolation'].every((key) => typeof tenant[key] === 'string') &&
    isRecord(header.blueprint) &&
    Array.isArray(header.blueprint.migrations) &&
    Array.isArray(header.tables)
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
