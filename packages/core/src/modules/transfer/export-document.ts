import { createHash } from 'node:crypto';
import { TenantryError } from '../../errors.ts';
import type { IsolationMode } from '../tenants/tenant.schemas.ts';

export const EXPORT_FORMAT = 'tenantry.tenant-export';
export const EXPORT_VERSION = 1;

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
 * with the sha256 of every line before it, so a damaged or truncated file is refused on import.
 */
export function serializeExport(document: TenantExport): string {
  const lines = [JSON.stringify(document.header), ...document.rows.map((row) => `{"section":"${row.section}","table":"${row.table}","row":${row.json}}`)];
  const body = `${lines.join('\n')}\n`;
  return `${body}${JSON.stringify({ checksum: sha256(body) })}\n`;
}

export function parseExport(text: string): TenantExport {
  const trimmed = text.endsWith('\n') ? text.slice(0, -1) : text;
  const cut = trimmed.lastIndexOf('\n');
  if (cut < 0) throw invalid('it has no trailer line');
  const body = trimmed.slice(0, cut + 1);
  const trailer = safeJson(trimmed.slice(cut + 1)) as { checksum?: unknown } | undefined;
  if (typeof trailer?.checksum !== 'string') throw invalid('its last line is not the checksum trailer (truncated?)');
  if (trailer.checksum !== sha256(body)) throw invalid('its checksum does not match its content (damaged or edited)');
  const [first = '', ...rest] = body.slice(0, -1).split('\n');
  const header = safeJson(first) as Partial<ExportHeader> | undefined;
  if (header?.format !== EXPORT_FORMAT) throw invalid(`its first line is not a ${EXPORT_FORMAT} header`);
  if (typeof header.version !== 'number' || header.version > EXPORT_VERSION) {
    throw new TenantryError('EXPORT_VERSION_UNSUPPORTED', {
      message: `The export is format version ${String(header.version)}; this Tenantry reads up to version ${EXPORT_VERSION}.`,
      details: { version: header.version, supported: EXPORT_VERSION },
      hint: 'Import it with the Tenantry version that wrote it, or a newer one.',
    });
  }
  if (!hasTenant(header)) throw invalid('its header does not name the tenant (id, slug, name, isolation)');
  const rows = rest.map((line, index) => {
    const match = ROW_LINE.exec(line);
    if (!match) throw invalid(`line ${index + 2} is not a row`);
    if (!isRecord(safeJson(match[3] as string))) throw invalid(`line ${index + 2}: its row is not a JSON object`);
    return { section: match[1] as ExportSection, table: match[2] as string, json: match[3] as string };
  });
  return { header: header as ExportHeader, rows };
}

function invalid(reason: string): TenantryError {
  return new TenantryError('EXPORT_INVALID', {
    message: `Not a usable Tenantry tenant export: ${reason}.`,
    details: { reason },
    hint: 'Pass the file `tenantry tenant export` wrote, unchanged.',
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasTenant(header: Partial<ExportHeader>): boolean {
  const tenant: unknown = header.tenant;
  if (!isRecord(tenant)) return false;
  return ['id', 'slug', 'name', 'isolation'].every((key) => typeof tenant[key] === 'string') && isRecord(header.blueprint) && Array.isArray(header.blueprint.migrations) && Array.isArray(header.tables);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
