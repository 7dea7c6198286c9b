import type { ControlPlaneMigration } from './migration.ts';

/**
 * The installation's export key: every `tenant export` is signed with it (HMAC-SHA-256) and every
 * import verifies it, so a file edited or forged outside this installation is refused. 256 bits from
 * two `gen_random_uuid()` (PostgreSQL's strong random source; 244 of the bits are random). The data
 * path role gets no right on the table.
 */
export const controlPlane0008: ControlPlaneMigration = {
  id: '0008_export_key',
  description: 'A random key of the installation that signs tenant exports.',
  statements: [
    `create table tenantry.installation_keys (
      purpose text primary key check (purpose in ('export')),
      key_hex text not null check (key_hex ~ '^[0-9a-f]{64}$'),
      created_at timestamptz not null default now()
    )`,
    `insert into tenantry.installation_keys (purpose, key_hex)
     values ('export', replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''))`,
  ],
};
