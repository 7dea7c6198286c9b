import { grantOwnerRepair } from '../repairs/no-owner.repair.ts';
import { tenantFilter, tenantFinding, type Check, type TenantRow } from '../types.ts';

export const noOwner: Check = {
  code: 'TENANT_NO_OWNER',
  title: 'Tenant with no owner',
  severity: 'error',
  scope: 'tenant',
  repair: grantOwnerRepair,
  description: 'A tenant where no member holds the `owner` role: nobody can manage billing, members or deletion from inside the tenant.',
  remediation: 'Grant the owner role to an admin (the repair picks the longest-standing admin, else the longest-standing member), or invite an owner.',
  async run(ctx) {
    const filter = tenantFilter(ctx);
    const memberFilter = tenantFilter(ctx, 'm.tenant_id');
    // Members, admins and owners of every tenant in one grouped pass (a count per tenant found was a
    // scan of the role assignments each).
    const rows = await ctx.em.execute<(TenantRow & { members: number; admins: number })[]>(
      `select t.id as tenant_id, t.slug, t.name, coalesce(c.members, 0) as members, coalesce(c.admins, 0) as admins
         from tenantry.tenants t
         left join (select m.tenant_id, count(distinct m.id)::int as members,
                           (count(*) filter (where r.role = 'admin'))::int as admins,
                           bool_or(r.role = 'owner') as owned
                      from tenantry.memberships m
                      left join tenantry.role_assignments r on r.membership_id = m.id
                     where true${memberFilter.sql}
                     group by m.tenant_id) c on c.tenant_id = t.id
        where t.status in ('active', 'suspended') and c.owned is not true${filter.sql}
        order by t.slug`,
      [...memberFilter.params, ...filter.params],
    );
    return rows.map((row) => ({
      ...tenantFinding(this, row, `${row.slug} has no owner (${row.members} members, ${row.admins} admins).`, { members: row.members, admins: row.admins }),
      repairable: this.repair !== undefined && row.members > 0,
    }));
  },
};
