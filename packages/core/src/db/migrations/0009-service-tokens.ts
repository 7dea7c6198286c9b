import { APP_ROLE } from '../../isolation/names.ts';
import type { ControlPlaneMigration } from './migration.ts';

/**
 * Platform service tokens `tts_<prefix>_<secret>`: the operator's credential for the HTTP API, stored as
 * the prefix and a sha256 of the whole token. A name is unique among the tokens not revoked, so a
 * revoked token's name can be issued again. The data path role gets no right on the table: nothing
 * running as a tenant may read, add or revoke a platform credential.
 */
export const controlPlane0009: ControlPlaneMigration = {
  id: '0009_service_tokens',
  description: 'Platform service tokens, stored as prefix and hash, for the HTTP API.',
  statements: [
    `create table tenantry.service_tokens (
      id uuid primary key,
      name text not null,
      prefix text not null,
      token_hash text not null check (token_hash ~ '^[0-9a-f]{64}$'),
      created_at timestamptz not null,
      expires_at timestamptz,
      revoked_at timestamptz,
      last_used_at timestamptz,
      created_by text not null,
      constraint service_tokens_prefix_key unique (prefix),
      constraint service_tokens_prefix_format check (prefix ~ '^[a-z0-9]{8}$')
    )`,
    `create unique index service_tokens_active_name_key on tenantry.service_tokens (name) where revoked_at is null`,
    `revoke all on tenantry.service_tokens from public, ${APP_ROLE}`,
  ],
};
