import { primaryDomainRepair } from '../repairs/primary-domain.repair.ts';
import { tenantFilter, tenantFinding, type Check, type TenantRow } from '../types.ts';

export const noPrimaryDomain: Check = {
  code: 'NO_PRIMARY_DOMAIN',
  title: 'Tenant without a primary domain',
  severity: 'warn',
  scope: 'tenant',
  repair: primaryDomainRepair,
  description:
    "A live tenant with verified domains but none primary (a warning: requests still route, but it has no canonical host), or, when a base domain is configured, with no verified domain at all (an error: no request can reach it; a custom domain waiting for its verification is not routed to; the runbooks' `fix_tenant_domain`).",
  remediation:
    'Make one of its domains primary, or give it `<slug>.<base domain>` (`tenantry repair NO_PRIMARY_DOMAIN <slug>`, or `tenantry domain primary <slug> <host>`).',
  async run(ctx) {
    const filter = tenantFilter(ctx);
    const rows = await ctx.em.execute<(TenantRow & { domains: number })[]>(
      `select t.id as tenant_id, t.slug, t.name, count(d.id)::int as domains
         from tenantry.tenants t left join tenantry.domains d on d.tenant_id = t.id and d.verified_at is not null
        where t.status in ('active', 'suspended')${filter.sql}
        group by t.id, t.slug, t.name
       having not coalesce(bool_or(d.is_primary), false) and (count(d.id) > 0 or ?::boolean)
        order by t.slug`,
      [...filter.params, ctx.settings.baseDomain !== undefined],
    );
    // Its domains still route a tenant with no primary one (a warning: no canonical host); a tenant with no domain
    // at all under host routing is one no request can reach (an error).
    return rows.map((row) => ({
      ...(row.domains > 0
        ? tenantFinding(this, row, `${row.slug} has ${row.domains === 1 ? '1 verified domain' : `${row.domains} verified domains`} and none is primary.`, {
            domains: row.domains,
          })
        : tenantFinding(this, row, `${row.slug} has no verified domain: no request can reach it.`, { domains: 0 }, null, 'error')),
      repairable: this.repair !== undefined && (row.domains > 0 || ctx.settings.baseDomain !== undefined),
    }));
  },
};
