import type { ControlPlaneMigration } from './migration.ts';

/**
 * The HTTP API's Idempotency-Key: the first response to a key, kept a day so a retried call gets it
 * again instead of running twice. The key itself is stored as a hash, the response with its secrets
 * redacted. `status` is null while the first call is still running.
 */
export const controlPlane0010: ControlPlaneMigration = {
  id: '0010_idempotency_keys',
  description: 'The first response to each Idempotency-Key of the HTTP API, kept for 24 hours.',
  statements: [
    `create table tenantry.idempotency_keys (
      key_hash text primary key,
      caller text not null,
      route text not null,
      body_hash text not null,
      status integer,
      response jsonb,
      created_at timestamptz not null
    )`,
    `create index idempotency_keys_created_idx on tenantry.idempotency_keys (created_at)`,
  ],
};
