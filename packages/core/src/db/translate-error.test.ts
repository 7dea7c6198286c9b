import { describe, expect, it } from 'vitest';
import { TenantryError } from '../errors.ts';
import { translateDatabaseError } from './translate-error.ts';

const server = { kind: 'server' as const, location: 'db:5432/app' };

describe('translateDatabaseError: a connection lost mid-operation is an outage', () => {
  it.each([
    ['a dropped socket', new Error('Connection terminated unexpectedly')],
    ['a server shut down by its administrator', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a reset connection', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
  ])('%s: UNAVAILABLE without a target, DATABASE_UNREACHABLE naming the server with one', (_case, error) => {
    expect(translateDatabaseError(error).code).toBe('UNAVAILABLE');
    expect(translateDatabaseError(error, server)).toMatchObject({ code: 'DATABASE_UNREACHABLE', details: { target: 'db:5432/app' } });
  });

  it('names the server once the edge knows it, for an outage a service translated without the target', () => {
    const inner = translateDatabaseError(new Error('Connection terminated unexpectedly'));
    expect(translateDatabaseError(inner, server).code).toBe('DATABASE_UNREACHABLE');
  });

  it('leaves other errors alone', () => {
    const notFound = TenantryError.tenantNotFound('acme');
    expect(translateDatabaseError(notFound, server)).toBe(notFound);
    expect(translateDatabaseError(new Error('boom'), server).code).toBe('INTERNAL');
  });
});

describe('translateDatabaseError: one translator for SQL through MikroORM and SQL sent as written', () => {
  const driverError = (message: string, fields: Record<string, string>) => Object.assign(new Error(message), fields);

  it.each([
    [
      'a known unique constraint',
      driverError('duplicate key value', { code: '23505', constraint: 'tenants_slug_key', detail: 'Key (slug)=(acme) already exists.' }),
      'SLUG_TAKEN',
    ],
    ['another unique constraint', driverError('duplicate key value', { code: '23505', constraint: 'assets_name_key' }), 'CONFLICT'],
    ['a foreign key', driverError('violates foreign key constraint', { code: '23503', constraint: 'assets_owner_fkey' }), 'CONFLICT'],
    ['privileges or row-level security', driverError('permission denied for table tenants', { code: '42501' }), 'FORBIDDEN'],
  ])('%s', (_case, error, code) => {
    expect(translateDatabaseError(error).code).toBe(code);
  });
});
