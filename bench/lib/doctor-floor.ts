import type { Sql } from './sql.ts';

/**
 * The doctor's work done with raw SQL, the plainest way: the same set-based questions over every tenant
 * (stuck, no owner, no primary domain, users against the limit, expired invitations and keys,
 * undelivered invitation mail, trial and grace periods, missing and orphan schemas, the shared tables'
 * row-level security, tables and indexes missing from schemas, and every data space's assets, storage
 * and devices).
 */
export async function doctorFloor(sql: Sql): Promise<number> {
  const [control, catalog, usage] = await Promise.all([
    sql.query<{ n: number }>(
      `select count(*)::int as n from (
         select t.id from tenantry.tenants t where t.status = 'provisioning' and t.created_at < now() - interval '15 minutes'
         union all
         select t.id from tenantry.tenants t where t.status in ('active', 'suspended') and not exists (
           select 1 from tenantry.memberships m join tenantry.role_assignments r on r.membership_id = m.id where m.tenant_id = t.id and r.role = 'owner')
         union all
         select t.id from tenantry.tenants t left join tenantry.domains d on d.tenant_id = t.id
          where t.status in ('active', 'suspended') group by t.id having count(d.id) > 0 and not bool_or(d.is_primary)
         union all
         select t.id from tenantry.tenants t where t.status in ('active', 'suspended')
            and (select count(*) from tenantry.memberships m where m.tenant_id = t.id) >= 0.9 * (t.limits->>'maxUsers')::int
         union all
         select tenant_id from tenantry.invitations where state = 'pending' and expires_at < now() group by tenant_id
         union all
         select tenant_id from tenantry.api_keys where revoked_at is null and expires_at < now() group by tenant_id
         union all
         select m.tenant_id from tenantry.outbox_messages m join tenantry.invitations i on i.tenant_id = m.tenant_id and i.email = m.recipient and i.state = 'pending'
          where m.status = 'failed' and m.created_at >= i.last_sent_at
          group by m.tenant_id
         union all
         select t.id from tenantry.tenants t where (t.status = 'active' and t.trial_ends_at < now())
            or (t.status = 'pending_deletion' and t.deletion_scheduled_at < now())
       ) findings`,
    ),
    sql.query<{ n: number }>(
      `with expected as materialized (
         select t.id, n.oid as namespace, o.name from tenantry.tenants t join pg_namespace n on n.nspname = t.schema_name
          cross join unnest(array[${OBJECTS.map((name) => `'${name}'`).join(', ')}]) as o(name)
          where t.isolation = 'schema'
       )
       select count(*)::int as n from (
         select t.id::text from tenantry.tenants t where t.isolation = 'schema' and t.status not in ('provisioning', 'deleted')
            and not exists (select 1 from pg_namespace n where n.nspname = t.schema_name)
         union all
         select n.nspname::text from pg_namespace n where n.nspname like 'tenant\\_%'
            and not exists (select 1 from tenantry.tenants t where t.schema_name = n.nspname)
         union all
         select c.relname::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'tenantry_shared' and c.relkind = 'r' and not (c.relrowsecurity and c.relforcerowsecurity)
         union all
         select x.id::text from expected x left join pg_class c on c.relnamespace = x.namespace and c.relname = x.name where c.oid is null
       ) findings`,
    ),
    dataSpaceUsageFloor(sql),
  ]);
  return (control[0]?.n ?? 0) + (catalog[0]?.n ?? 0) + usage;
}

/** The sample blueprint's tables and indexes, as a person would list them. */
const OBJECTS = [
  'assets',
  'assets_playlist_idx',
  'assets_schedule_idx',
  'assets_mimetype_idx',
  'devices',
  'devices_status_idx',
  'devices_last_seen_idx',
  'devices_current_asset_idx',
  'qr_contents',
  'qr_contents_asset_idx',
  'qr_contents_expires_idx',
];

/**
 * Assets, stored bytes and devices of every tenant: the shared tables grouped, the schemas in UNION ALL
 * statements of 250 run at once (one statement over 1,000 schemas plans on one core for seconds).
 */
async function dataSpaceUsageFloor(sql: Sql): Promise<number> {
  const schemas = await sql.query<{ id: string; schema_name: string }>(
    `select id, schema_name from tenantry.tenants where isolation = 'schema' and schema_name is not null`,
  );
  const branches = schemas.map(
    ({ id, schema_name: schema }) =>
      `select '${id}'::uuid, (select count(*) from "${schema}".assets), (select coalesce(sum(size_bytes), 0) from "${schema}".assets), (select count(*) from "${schema}".devices)`,
  );
  const batches = Array.from({ length: Math.ceil(branches.length / 250) }, (_, index) => branches.slice(index * 250, (index + 1) * 250).join(' union all '));
  const results = await Promise.all([
    sql.query(
      `select tenant_id, count(*), sum(size_bytes) from tenantry_shared.assets group by tenant_id union all select tenant_id, count(*), null from tenantry_shared.devices group by tenant_id`,
    ),
    ...batches.map((batch) => sql.query(batch)),
  ]);
  return results.reduce((rows, result) => rows + result.length, 0);
}
