import { randomUUID } from 'node:crypto';
import { SAMPLE_BLUEPRINT } from '@tenantry/sdk';
import type { Sql } from './sql.ts';

/**
 * The floors: the same writes and reads Tenantry does, as a careful hand-written program would send them
 * with raw SQL: one round trip per tenant (every statement in one multi-statement transaction), no reads
 * before writing, no ORM. Identifiers are generated here, so they are inlined as literals.
 */
const TABLES = ['assets', 'devices', 'qr_contents'] as const;
const LIMITS = JSON.stringify({ maxUsers: 10, maxAssets: 100, maxDevices: 5, storageQuotaGb: 10, maxApiKeys: 2, maxDomains: 2 });
const FEATURES = JSON.stringify({ analytics: false, api_access: false, custom_branding: false, sso: false, priority_support: false, dedicated_support: false });
const POLICY = JSON.stringify({ require2fa: false, sessionTimeoutMinutes: 480, allowedIpRanges: [] });

const lit = (value: string) => `'${value.replaceAll("'", "''")}'`;
const statements = (body: unknown): string[] => (Array.isArray(body) ? (body as string[]) : [String(body)]);

export function schemaNameOf(slug: string): string {
  return `tenant_${slug.replaceAll('-', '_')}`;
}

/** One tenant: control-plane rows, audit events, and its data space with demo data, in one transaction. */
export function provisionSql(slug: string, isolation: 'schema' | 'shared', passwordHash: string | null = null): string {
  const tenant = randomUUID();
  const user = randomUUID();
  const membership = randomUUID();
  const now = new Date().toISOString();
  const schema = isolation === 'schema' ? schemaNameOf(slug) : null;
  const audit = (action: string, targetType: string, targetId: string) =>
    `(${lit(now)}, ${lit(tenant)}, 'operator', null, 'bench', ${lit(action)}, ${lit(tenant)}, ${lit(slug)}, ${lit(targetType)}, ${lit(targetId)}, null, ${lit(JSON.stringify({ slug }))})`;
  const sql = [
    'begin',
    `insert into tenantry.tenants (id, slug, name, status, plan, limits, features, settings, time_zone, security_policy, isolation, schema_name, provision_fingerprint, created_at, updated_at)
     values (${lit(tenant)}, ${lit(slug)}, ${lit(slug)}, 'active', 'basic', ${lit(LIMITS)}, ${lit(FEATURES)}, '{}', 'UTC', ${lit(POLICY)}, ${lit(isolation)}, ${schema ? lit(schema) : 'null'}, 'floor', ${lit(now)}, ${lit(now)})`,
    `insert into tenantry.users (id, email, password_hash, must_change_password, created_at, updated_at) values (${lit(user)}, ${lit(`owner@${slug}.bench`)}, ${passwordHash ? lit(passwordHash) : 'null'}, true, ${lit(now)}, ${lit(now)})`,
    `insert into tenantry.memberships (id, tenant_id, user_id, created_at) values (${lit(membership)}, ${lit(tenant)}, ${lit(user)}, ${lit(now)})`,
    `insert into tenantry.role_assignments (id, membership_id, role, created_at) values (${lit(randomUUID())}, ${lit(membership)}, 'owner', ${lit(now)})`,
    `insert into tenantry.audit_events (occurred_at, correlation_id, actor_type, actor_id, actor_label, action, tenant_id, tenant_slug, target_type, target_id, before, after) values
       ${[audit('tenant.provisioned', 'tenant', tenant), audit('user.created', 'user', user), audit('membership.created', 'user', user), audit('role.granted', 'user', user), audit('tenant.data_space_created', 'data_space', schema ?? 'tenantry_shared')].join(',\n')}`,
  ];
  if (schema) {
    const q = `"${schema}"`;
    sql.push(`create schema ${q}`, `set local search_path to ${q}, public`);
    for (const migration of SAMPLE_BLUEPRINT.migrations) sql.push(...statements(migration.schema));
    sql.push(`grant usage on schema ${q} to tenantry_app`);
    for (const table of TABLES) {
      sql.push(
        `grant select, insert, update, delete on ${q}.${table} to tenantry_app`,
        `alter table ${q}.${table} enable row level security`,
        `alter table ${q}.${table} force row level security`,
        `create policy tenant_isolation on ${q}.${table} using (nullif(current_setting('app.current_tenant_id', true), '')::uuid = ${lit(tenant)}::uuid) with check (nullif(current_setting('app.current_tenant_id', true), '')::uuid = ${lit(tenant)}::uuid)`,
      );
    }
    sql.push(
      `insert into tenantry.tenant_migrations (tenant_id, migration_id, checksum, applied_at, duration_ms) values ${SAMPLE_BLUEPRINT.migrations.map((m) => `(${lit(tenant)}, ${lit(m.id)}, 'floor', ${lit(now)}, 0)`).join(', ')}`,
    );
  } else {
    sql.push(
      `insert into tenantry.tenant_migrations (tenant_id, migration_id, checksum, applied_at, duration_ms) select ${lit(tenant)}, migration_id, checksum, ${lit(now)}, 0 from tenantry.shared_migrations`,
      'set local search_path to tenantry_shared, public',
    );
  }
  sql.push(`select set_config('app.current_tenant_id', ${lit(tenant)}, true)`, ...statements(SAMPLE_BLUEPRINT.demoData?.schema ?? []), 'commit');
  return sql.join(';\n');
}

/** Which tenants are behind which migrations: the set-based query a careful program would run. */
export async function statusFloor(sql: Sql, migrationIds: readonly string[]): Promise<unknown[]> {
  return sql.query(
    `select t.slug, array_agg(b.id order by b.ord) as missing
       from tenantry.tenants t
      cross join unnest($1::text[]) with ordinality as b(id, ord)
      where t.status <> 'deleted'
        and not exists (select 1 from tenantry.tenant_migrations m where m.tenant_id = t.id and m.migration_id = b.id)
      group by t.slug`,
    [migrationIds],
  );
}

/** One schema gets one new migration: lock timeout, advisory lock, the DDL, its record and audit event. */
export function rolloutSql(tenantId: string, slug: string, schema: string, migrationSql: string, migrationId: string): string {
  const now = new Date().toISOString();
  return [
    'begin',
    "set local lock_timeout = '5000ms'",
    `select pg_advisory_xact_lock(hashtextextended(${lit(`tenantry.tenant:${tenantId}`)}, 0))`,
    `set local search_path to "${schema}", public`,
    migrationSql,
    `insert into tenantry.tenant_migrations (tenant_id, migration_id, checksum, applied_at, duration_ms) values (${lit(tenantId)}, ${lit(migrationId)}, 'floor', ${lit(now)}, 0)`,
    `insert into tenantry.audit_events (occurred_at, correlation_id, actor_type, actor_label, action, tenant_id, tenant_slug, target_type, target_id, after)
       values (${lit(now)}, ${lit(randomUUID())}, 'operator', 'bench', 'tenant.migrated', ${lit(tenantId)}, ${lit(slug)}, 'data_space', ${lit(schema)}, ${lit(JSON.stringify({ migrations: [migrationId] }))})`,
    'commit',
  ].join(';\n');
}

/** The first page of tenants by slug with member counts, and the total: what `tenant list` shows. */
export async function listFloor(sql: Sql, limit: number): Promise<unknown[]> {
  const [rows, total] = await Promise.all([
    sql.query(
      `select t.id, t.slug, t.name, t.status, t.plan, t.isolation, t.limits, t.trial_ends_at, t.created_at,
              (select count(*) from tenantry.memberships m where m.tenant_id = t.id)::int as users_used
         from tenantry.tenants t order by t.slug limit $1`,
      [limit],
    ),
    sql.query('select count(*)::int as total from tenantry.tenants'),
  ]);
  return [...rows, ...total];
}

/** Tenants without data spaces, straight into the control plane, to reach a count quickly. */
export function fillerTenantsSql(count: number, prefix: string): string {
  return `insert into tenantry.tenants (id, slug, name, status, plan, limits, features, settings, time_zone, security_policy, isolation, schema_name, provision_fingerprint, created_at, updated_at)
    select gen_random_uuid(), ${lit(prefix)} || '-' || lpad(i::text, 6, '0'), 'Filler ' || i, 'active', 'basic', ${lit(LIMITS)}, ${lit(FEATURES)}, '{}', 'UTC', ${lit(POLICY)}, 'shared', null, 'filler', now(), now()
      from generate_series(1, ${count}) as i`;
}
