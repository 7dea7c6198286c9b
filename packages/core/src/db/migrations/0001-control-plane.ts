import type { ControlPlaneMigration } from './migration.ts';

export const controlPlane0001: ControlPlaneMigration = {
  id: '0001_control_plane',
  description: 'Tenants, users, memberships, role assignments, domains and the append-only audit trail.',
  statements: [
    `create table tenantry.tenants (
      id uuid primary key,
      slug text not null,
      name text not null,
      status text not null check (status in ('provisioning', 'active', 'suspended', 'pending_deletion', 'deleted')),
      plan text not null check (plan in ('basic', 'professional', 'enterprise')),
      limits jsonb not null,
      features jsonb not null,
      settings jsonb not null default '{}'::jsonb,
      time_zone text not null,
      contact_email text,
      support_email text,
      support_phone text,
      trial_ends_at timestamptz,
      paid_until timestamptz,
      security_policy jsonb not null,
      isolation text not null check (isolation in ('schema', 'shared')),
      schema_name text,
      provision_fingerprint text not null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      deletion_scheduled_at timestamptz,
      constraint tenants_slug_key unique (slug),
      constraint tenants_schema_name_key unique (schema_name),
      constraint tenants_slug_format check (slug ~ '^[a-z][a-z0-9-]{1,61}[a-z0-9]$')
    )`,
    `create index tenants_status_idx on tenantry.tenants (status)`,
    `create index tenants_created_at_idx on tenantry.tenants (created_at)`,
    `create table tenantry.users (
      id uuid primary key,
      email text not null,
      name text,
      password_hash text,
      must_change_password boolean not null default false,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`,
    `create unique index users_email_key on tenantry.users (lower(email))`,
    `create table tenantry.memberships (
      id uuid primary key,
      tenant_id uuid not null references tenantry.tenants (id) on delete cascade,
      user_id uuid not null references tenantry.users (id) on delete cascade,
      created_at timestamptz not null,
      constraint memberships_tenant_user_key unique (tenant_id, user_id)
    )`,
    `create index memberships_user_idx on tenantry.memberships (user_id)`,
    `create table tenantry.role_assignments (
      id uuid primary key,
      membership_id uuid not null references tenantry.memberships (id) on delete cascade,
      role text not null check (role in ('owner', 'admin', 'analyst', 'viewer')),
      created_at timestamptz not null,
      constraint role_assignments_membership_role_key unique (membership_id, role)
    )`,
    `create table tenantry.domains (
      id uuid primary key,
      tenant_id uuid not null references tenantry.tenants (id) on delete cascade,
      hostname text not null,
      kind text not null check (kind in ('subdomain', 'custom')),
      is_primary boolean not null default false,
      verification_token text,
      verified_at timestamptz,
      created_at timestamptz not null,
      constraint domains_hostname_key unique (hostname),
      constraint domains_hostname_lowercase check (hostname = lower(hostname))
    )`,
    `create unique index domains_one_primary_per_tenant on tenantry.domains (tenant_id) where is_primary`,
    `create index domains_tenant_idx on tenantry.domains (tenant_id)`,
    `create table tenantry.audit_events (
      id bigint generated always as identity primary key,
      occurred_at timestamptz not null,
      correlation_id uuid not null,
      actor_type text not null,
      actor_id text,
      actor_label text not null,
      action text not null,
      tenant_id uuid,
      tenant_slug text,
      target_type text not null,
      target_id text,
      before jsonb,
      after jsonb
    )`,
    `create index audit_events_tenant_idx on tenantry.audit_events (tenant_id, id)`,
    `create index audit_events_action_idx on tenantry.audit_events (action, id)`,
    `create index audit_events_correlation_idx on tenantry.audit_events (correlation_id)`,
    `create function tenantry.refuse_audit_change() returns trigger language plpgsql as $$
      begin
        raise exception 'tenantry.audit_events is append-only: % refused', tg_op using errcode = '42501';
      end
    $$`,
    `create trigger audit_events_append_only before update or delete on tenantry.audit_events
      for each row execute function tenantry.refuse_audit_change()`,
    `create trigger audit_events_no_truncate before truncate on tenantry.audit_events
      for each statement execute function tenantry.refuse_audit_change()`,
  ],
};
