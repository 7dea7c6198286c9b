import { ConnectionException, DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { IsolationErrors } from '../isolation/isolation-errors.ts';
import { TenantryError } from '../errors.ts';
import type { DatabaseTarget } from './database-target.ts';

const CONNECTION_ERRNOS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ECONNRESET: 'connection reset',
  EPIPE: 'the connection was closed',
};

const CONNECTION_SQLSTATES: Record<string, string> = {
  '28P01': 'password authentication failed',
  '28000': 'authentication rejected',
  '3D000': 'database does not exist',
  '57P01': 'the server was shut down (administrator command)',
  '57P02': 'the server crashed',
  '57P03': 'the server is starting up or shutting down',
  '08000': 'connection failure',
  '08003': 'the connection does not exist',
  '08006': 'connection failure',
  '53300': 'too many connections',
};

/** Unique constraints whose violation has a domain meaning; the others become CONFLICT. */
const UNIQUE_CONSTRAINTS: Record<string, (value: string) => TenantryError> = {
  tenants_slug_key: (value) => TenantryError.slugTaken(value),
  users_email_key: (value) => TenantryError.emailTaken(value),
  domains_hostname_key: (value) => TenantryError.hostnameTaken(value),
  tenants_schema_name_key: (value) => IsolationErrors.schemaTaken(value),
  service_tokens_active_name_key: (value) => TenantryError.serviceTokenNameTaken(value),
};

/**
 * Turns any failure from the driver, through MikroORM or from SQL sent as written, into a TenantryError;
 * no driver error reaches a user raw. The one translator: outages and lost connections, a known unique
 * constraint → its code, privileges or row-level security → FORBIDDEN, other integrity → CONFLICT.
 */
export function translateDatabaseError(error: unknown, target?: DatabaseTarget): TenantryError {
  if (error instanceof TenantryError) return retranslated(error, target);
  const code = errorCode(error);
  if (code === '3D000' && target?.kind === 'server') return TenantryError.databaseNotFound(target.location, error);
  const connectionReason = (code && (CONNECTION_ERRNOS[code] ?? CONNECTION_SQLSTATES[code])) || connectionMessage(error);
  if (connectionReason && target?.kind === 'server') return TenantryError.unreachable(target.location, connectionReason, error);
  if ((connectionReason || socketGone(code, error)) && target?.kind === 'embedded')
    return TenantryError.storeServerLost(target.location, connectionReason ?? 'its socket is gone', error);
  // A connection lost mid-operation, translated deep in a service that does not know the target:
  // still an outage (safe to retry), never an internal error; the edge adds the server's name.
  if (connectionReason && target === undefined && code !== '3D000' && !code?.startsWith('28')) return connectionLost(connectionReason, error);
  if (error instanceof UniqueConstraintViolationException || code === '23505') return uniqueViolation(error);
  if (code === '42501') {
    return new TenantryError('FORBIDDEN', {
      message: `The database refused the statement: ${reasonOf(error)}.`,
      details: { sqlState: code },
      hint: "Queries on the data path reach only the tenant's own rows and tables.",
      cause: error,
    });
  }
  if (code?.startsWith('23')) {
    const constraint = (error as { constraint?: string }).constraint;
    return new TenantryError('CONFLICT', {
      message: `The change conflicts with existing data: ${reasonOf(error)}.`,
      details: { sqlState: code, ...(constraint ? { constraint } : {}) },
      cause: error,
    });
  }
  if (error instanceof ConnectionException && target) {
    return TenantryError.unreachable(target.location, (error as Error).message, error);
  }
  return TenantryError.internal(error);
}

/** An outage already translated without a target gets the server's name once the target is known. */
function retranslated(error: TenantryError, target: DatabaseTarget | undefined): TenantryError {
  if (target?.kind !== 'server' || (error.code !== 'UNAVAILABLE' && error.code !== 'INTERNAL') || error.cause === undefined) return error;
  if (error.code === 'UNAVAILABLE' && error.details.reason === undefined) return error;
  const translated = translateDatabaseError(error.cause, target);
  return translated.code === 'DATABASE_UNREACHABLE' ? translated : error;
}

function connectionLost(reason: string, cause: unknown): TenantryError {
  return new TenantryError('UNAVAILABLE', {
    message: `The database connection was lost: ${reason}.`,
    details: { reason },
    hint: 'Check that the server is running; nothing was half-written (each change is one transaction), so it is safe to retry.',
    cause,
  });
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function uniqueViolation(error: unknown): TenantryError {
  const constraint = (error as { constraint?: string }).constraint ?? '';
  const detail = (error as { detail?: string }).detail ?? '';
  const value = /=\((.*)\) already exists/.exec(detail)?.[1] ?? '';
  const factory = UNIQUE_CONSTRAINTS[constraint];
  if (factory) return factory(value);
  return new TenantryError('CONFLICT', {
    message: `The change conflicts with an existing record (${constraint || 'unique constraint'}).`,
    details: { constraint },
    cause: error,
  });
}

/** The serving process's socket file is gone (the server stopped) while a client connects to it. */
function socketGone(code: string | undefined, error: unknown): boolean {
  return code === 'ENOENT' && error instanceof Error && error.message.includes('.s.PGSQL.');
}

function errorCode(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const withCode = error as { code?: unknown; sqlState?: unknown; cause?: unknown };
  if (typeof withCode.sqlState === 'string') return withCode.sqlState;
  if (typeof withCode.code === 'string') return withCode.code;
  return errorCode(withCode.cause);
}

function connectionMessage(error: unknown): string | undefined {
  if (!(error instanceof Error) || error instanceof DriverException) return undefined;
  if (/Connection terminated|timeout expired|driver has already been destroyed/i.test(error.message)) return error.message;
  return undefined;
}

/** "postgresql://user:secret@db:5432/app" → "db:5432/app" (never the password). */
export function describeServerUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || 'localhost';
    const port = parsed.port || '5432';
    const database = parsed.pathname.replace(/^\//, '') || parsed.username || 'postgres';
    return `${host}:${port}/${database}`;
  } catch {
    return 'the configured PostgreSQL server';
  }
}
