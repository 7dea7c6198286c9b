import { APP_ROLE } from '../../isolation/names.ts';
import type { ControlPlaneMigration } from './migration.ts';

/**
 * Sign-in state on each user: consecutive failures (throttling, then a lock until `locked_until`), the
 * last sign-in, and TOTP. The TOTP secret is kept sealed by the installation's totp key: verifying a code
 * needs the secret itself, so it cannot be hashed; `totp_last_step` refuses a code used once already.
 * Recovery codes are kept only as sha256 hashes, each removed when used. `password_history` holds the
 * hashes a user had before (the policy's `password.history` says how many a new password is compared to).
 * Every stored policy gets `password.history` 0 (no history rule), so reading one never meets a gap.
 */
export const controlPlane0013: ControlPlaneMigration = {
  id: '0013_sign_in',
  description: 'Sign-in state (failures, lock, last sign-in), TOTP and recovery codes, and password history.',
  statements: [
    `alter table tenantry.users
       add column failed_sign_ins integer not null default 0,
       add column last_failed_sign_in_at timestamptz,
       add column locked_until timestamptz,
       add column last_sign_in_at timestamptz,
       add column password_changed_at timestamptz,
       add column totp_sealed_secret text,
       add column totp_enrolled_at timestamptz,
       add column totp_last_step bigint,
       add column recovery_code_hashes jsonb not null default '[]'`,
    `create table tenantry.password_history (
      id bigint generated always as identity primary key,
      user_id uuid not null references tenantry.users (id) on delete cascade,
      password_hash text not null,
      replaced_at timestamptz not null
    )`,
    `create index password_history_user_idx on tenantry.password_history (user_id, id desc)`,
    `revoke all on tenantry.password_history from public, ${APP_ROLE}`,
    `alter table tenantry.installation_keys drop constraint installation_keys_purpose_check`,
    `alter table tenantry.installation_keys add constraint installation_keys_purpose_check check (purpose in ('export', 'webhook', 'totp'))`,
    `insert into tenantry.installation_keys (purpose, key_hex)
     values ('totp', replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''))`,
    `update tenantry.tenants
        set security_policy = jsonb_set(security_policy, '{password,history}', '0')
      where not (security_policy -> 'password' ? 'history')`,
  ],
};
