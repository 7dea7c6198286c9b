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
    const rows = await ctx.em.execute<(TenantRow & { members: number; admins: number })[]>(
      `select t.id as tenant_id, t.slug, t.name,
              (select count(*)::int from tenantry.memberships m where m.tenant_id = t.id) as members,
              (select count(*)::int from tenantry.memberships m join tenantry.role_assignments r on r.membership_id = m.id
                where m.tenant_id = t.id and r.role = 'admin') as admins
         from tenantry.tenants t
        where t.status in ('active', 'suspended')
          and not exists (select 1 from tenantry.memberships m join tenantry.role_assignments r on r.membership_id = m.id
                           where m.tenant_id = t.id and r.role = 'owner')${filter.sql}
        order by t.slug`,
      filter.params,
    );
    return rows.map((row) => ({
      ...tenantFinding(this, row, `${row.slug} has no owner (${row.members} members, ${row.admins} admins).`, { members: row.members, admins: row.admins }),
      repairable: this.repair !== undefined && row.members > 0,
    }));
  },
};
