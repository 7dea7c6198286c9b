import type { Sql } from './sql.ts';

/**
 * The doctor's work done with raw SQL, the plainest way: the same set-based questions over every tenant
 * (stuck, no owner, no primary domain, users against the limit, expired invitations and keys, undelivered invitation mail, trial and
 * grace periods, missing and orphan schemas, the shared tables' row-level security).
 */
export async function doctorFloor(sql: Sql): Promise<number> {
  const [control, catalog] = await Promise.all([
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
          where m.status = 'failed' and not exists (select 1 from tenantry.outbox_messages n where n.tenant_id = m.tenant_id and n.recipient = m.recipient and n.created_at > m.created_at)
          group by m.tenant_id
         union all
         select t.id from tenantry.tenants t where (t.status = 'active' and t.trial_ends_at < now())
            or (t.status = 'pending_deletion' and t.deletion_scheduled_at < now())
       ) findings`,
    ),
    sql.query<{ n: number }>(
      `select count(*)::int as n from (
         select t.id::text from tenantry.tenants t where t.isolation = 'schema' and t.status not in ('provisioning', 'deleted')
            and not exists (select 1 from pg_namespace n where n.nspname = t.schema_name)
         union all
         select n.nspname::text from pg_namespace n where n.nspname like 'tenant\\_%'
            and not exists (select 1 from tenantry.tenants t where t.schema_name = n.nspname)
         union all
         select c.relname::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'tenantry_shared' and c.relkind = 'r' and not (c.relrowsecurity and c.relforcerowsecurity)
       ) findings`,
    ),
  ]);
  return (control[0]?.n ?? 0) + (catalog[0]?.n ?? 0);
}
