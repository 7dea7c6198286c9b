import type { SqlEntityManager } from '@mikro-orm/sql';
import type { IsolationMode } from './isolation-mode.ts';
import { renderStatement, statement, type Statement } from '../statement.ts';
import { statementsOf, type MigrationBody, type MigrationTarget } from './blueprint.ts';
import { IsolationErrors } from './isolation-errors.ts';
import { searchPathFor } from './isolation-sql.ts';
import { TENANT_SETTING, quoteLiteral } from './names.ts';
import { TENANT_SIGNATURE_SETTING, signedTenantSettingSql } from './tenant-signature.ts';
import { nativeQuery } from './native-query.ts';
import { translateDatabaseError } from '../db/translate-error.ts';

export interface BodyTarget {
  mode: IsolationMode;
  schema: string;
  /** Set for a tenant's own data space (schema mode, demo data): row-level security then lets the body see its rows. */
  tenantId?: string;
}

/**
 * One part of a script: statements (a migration's, or any), or a blueprint function body to call; a
 * failure in it is reported under `label`.
 */
export type ScriptPart = {
  label: string;
  /** Not a blueprint body: its failures are translated as they are (a unique violation stays a conflict). */
  raw?: boolean;
} & ({ statements: readonly Statement[] } | { call: (target: MigrationTarget) => Promise<void> });

/** The statements of a SQL body, or the call of a function body. */
export function partOf(label: string, body: MigrationBody, raw?: boolean): ScriptPart {
  const part = typeof body === 'function' ? { label, call: body } : { label, statements: bodyStatements(body) };
  return raw ? { ...part, raw } : part;
}

/** A SQL body as statements without parameters. */
export function bodyStatements(body: string | readonly string[]): Statement[] {
  return statementsOf(body).map((text) => statement(text));
}

/** Runs one statement as it is, with its parameters (a date as ISO text, an object or array as JSON). */
export function runStatement<Row = Record<string, unknown>>(tx: SqlEntityManager, planned: Statement): Promise<Row[]> {
  return nativeQuery<Row>(tx, planned.text, planned.params.map(driverParam));
}

function driverParam(value: Statement['params'][number]): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if ('secret' in value && typeof value.secret === 'string' && Object.keys(value).length === 1)
    throw new Error(`the secret parameter ${value.secret} was not bound`);
  return JSON.stringify(value);
}

/** Puts the data space first on the search_path and sets the tenant, saving both (one statement). */
function enter(target: BodyTarget): string {
  return [
    `select set_config('tenantry.saved_search_path', current_setting('search_path'), true)`,
    `set_config('tenantry.saved_tenant', coalesce(current_setting('${TENANT_SETTING}', true), ''), true)`,
    `set_config('tenantry.saved_tenant_sig', coalesce(current_setting('${TENANT_SIGNATURE_SETTING}', true), ''), true)`,
    `set_config('search_path', ${quoteLiteral(searchPathFor(target.schema))}, true)`,
    ...(target.tenantId ? [signedTenantSettingSql(quoteLiteral(target.tenantId))] : []),
  ].join(', ');
}

/** Puts the saved search_path and tenant back (one statement). */
const LEAVE = [
  `select set_config('search_path', current_setting('tenantry.saved_search_path'), true)`,
  `set_config('${TENANT_SETTING}', current_setting('tenantry.saved_tenant'), true)`,
  `set_config('${TENANT_SIGNATURE_SETTING}', current_setting('tenantry.saved_tenant_sig'), true)`,
].join(', ');

/**
 * Runs bodies inside the caller's transaction with the data space first on the search_path (and the
 * session's tenant set when there is one), then puts both back. SQL bodies go in one round trip: one DO
 * block running each statement with EXECUTE, each part in its own sub-block that re-raises a failure
 * under the part's label with its SQLSTATE, detail and constraint (so a migration failure names the
 * migration, and a unique violation stays one). Function bodies need calls of their own: a script with
 * one runs statement by statement. After a failure nothing is put back: the transaction is aborted and
 * rolls back, settings included.
 */
export async function runScript(tx: SqlEntityManager, parts: readonly ScriptPart[], target: BodyTarget, subject: string): Promise<void> {
  if (parts.every((part) => 'statements' in part)) {
    try {
      await nativeQuery(tx, scriptBlock(parts, target));
    } catch (error) {
      const failed = /^tenantry part ([^:]+): /.exec(error instanceof Error ? error.message : '')?.[1];
      const part = parts.find((candidate) => candidate.label === failed);
      throw !part || part.raw ? translateDatabaseError(error) : IsolationErrors.migrationFailed(subject, part.label, error);
    }
    return;
  }
  await nativeQuery(tx, enter(target));
  for (const part of parts) {
    try {
      if ('call' in part) await part.call(session(tx, target));
      else for (const planned of part.statements) await runStatement(tx, planned);
    } catch (error) {
      throw part.raw ? translateDatabaseError(error) : IsolationErrors.migrationFailed(subject, part.label, error);
    }
  }
  await nativeQuery(tx, LEAVE);
}

/** One DO block: enter, every part's statements (each part a sub-block that labels its failure), leave. */
function scriptBlock(parts: readonly ScriptPart[], target: BodyTarget): string {
  const quote = (sql: string, base = 'tenantry_s') => {
    let tag = base;
    while (sql.includes(`$${tag}$`)) tag += '_';
    return `$${tag}$${sql}$${tag}$`;
  };
  const blocks = parts.map((part) => {
    const statements = ('statements' in part ? part.statements : []).map((planned) => `    execute ${quote(renderStatement(planned, { executable: true }))};`);
    return [
      '  begin',
      ...statements,
      '  exception when others then',
      '    get stacked diagnostics v_state = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail, v_constraint = constraint_name;',
      `    raise exception using errcode = v_state, message = 'tenantry part ' || ${quoteLiteral(part.label)} || ': ' || v_message, detail = v_detail, constraint = coalesce(v_constraint, '');`,
      '  end;',
    ].join('\n');
  });
  const body = [
    'declare v_state text; v_message text; v_detail text; v_constraint text;',
    'begin',
    `  execute ${quote(enter(target))};`,
    ...blocks,
    `  execute ${quote(LEAVE)};`,
    'end',
  ].join('\n');
  return `do ${quote(body, 'tenantry_script')}`;
}

/** Runs one body (see `runScript`); errors come back as they are. */
export async function runBody(tx: SqlEntityManager, body: MigrationBody, target: BodyTarget): Promise<void> {
  await nativeQuery(tx, enter(target));
  if (typeof body === 'function') await body(session(tx, target));
  else for (const statement of statementsOf(body)) await nativeQuery(tx, statement);
  await nativeQuery(tx, LEAVE);
}

function session(tx: SqlEntityManager, target: BodyTarget): MigrationTarget {
  return { mode: target.mode, schema: target.schema, tenantId: target.tenantId, query: (sql, params) => nativeQuery(tx, sql, params ?? []) };
}
