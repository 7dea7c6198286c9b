import { TenantryError } from '../../errors.ts';
import type { TableRows } from './tenant-rows.ts';

/** The messages of seeding demo data into an existing tenant, built in one place. */
export const DemoDataErrors = {
  none(blueprint: string): TenantryError {
    return new TenantryError('NO_DEMO_DATA', {
      message: `The blueprint ${blueprint} has no demo data to seed.`,
      details: { blueprint },
      hint: 'Give the blueprint a `demoData` body (see Blueprint in the SDK), or load the rows with `client.withTenant`.',
    });
  },

  notEmpty(slug: string, tables: readonly TableRows[]): TenantryError {
    const listed = tables.map((table) => `${table.table} (${table.rows} row${table.rows === 1 ? '' : 's'})`).join(', ');
    return new TenantryError('DATA_SPACE_NOT_EMPTY', {
      message: `Tenant ${slug} already has rows in ${listed}; demo data is only seeded into an empty data space.`,
      details: { slug, tables: tables.map((table) => ({ table: table.table, rows: table.rows })) },
      hint: `Nothing was written. To add the demo rows alongside these, run \`tenantry tenant seed-demo ${slug} --add-to-existing\` (nothing is deleted).`,
    });
  },

  migrationsPending(slug: string, missing: readonly string[]): TenantryError {
    return new TenantryError('TENANT_MIGRATIONS_PENDING', {
      message: `Tenant ${slug} has not had the blueprint migrations ${missing.join(', ')}, which its demo data is written for.`,
      details: { slug, missing: [...missing] },
      hint: `Apply them first with \`tenantry migrate apply --tenant ${slug}\`, then seed again.`,
    });
  },

  conflict(slug: string, constraint: string | undefined, cause: unknown): TenantryError {
    const reason = cause instanceof Error ? cause.message.replace(/^tenantry part [^:]+: /, '') : String(cause);
    return new TenantryError('DEMO_DATA_CONFLICT', {
      message: `A demo row collides with a row tenant ${slug} already has${constraint ? ` (${constraint})` : ''}: ${reason}. Nothing was added.`,
      details: { slug, ...(constraint ? { constraint } : {}) },
      hint: 'The demo data was probably seeded already: its rows have fixed keys. Remove the colliding rows first if you want them again.',
      cause,
    });
  },
};
