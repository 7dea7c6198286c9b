import { TenantryError } from '../../errors.ts';
import { recordAudit } from '../../modules/audit/audit.service.ts';
import { Domain } from '../../modules/domains/domain.entity.ts';
import { Tenant } from '../../modules/tenants/tenant.entity.ts';
import type { ServiceContext } from '../../context.ts';
import type { Finding, Repair, RepairPlan } from '../types.ts';

type Fix = { kind: 'promote'; domain: Domain } | { kind: 'create'; hostname: string };

/** The oldest verified domain (an unverified one never becomes primary), or `<slug>.<base domain>` when there is none. */
async function chooseFix(ctx: ServiceContext, finding: Finding): Promise<Fix> {
  const tenantId = finding.tenant?.id ?? '';
  const [oldest] = await ctx.em.find(Domain, { tenant: tenantId, verifiedAt: { $ne: null } }, { orderBy: [{ verifiedAt: 'asc' }, { createdAt: 'asc' }], limit: 1 });
  if (oldest) return { kind: 'promote', domain: oldest };
  if (ctx.settings.baseDomain && finding.tenant) return { kind: 'create', hostname: `${finding.tenant.slug}.${ctx.settings.baseDomain}` };
  throw new TenantryError('PRECONDITION_FAILED', {
    message: `${finding.tenant?.slug ?? 'The tenant'} has no verified domain to make primary and no base domain is configured.`,
    hint: 'Verify one of its domains (`tenantry domain verify <slug> <host>`: it then becomes primary), or set TENANTRY_BASE_DOMAIN.',
  });
}

export const primaryDomainRepair: Repair = {
  async plan(ctx, finding): Promise<RepairPlan> {
    const fix = await chooseFix(ctx, finding);
    const step =
      fix.kind === 'promote'
        ? { action: 'set-primary-domain', description: `Make ${fix.domain.hostname} the primary domain of ${finding.tenant?.slug ?? ''}`, sql: [`update tenantry.domains set is_primary = true where id = '${fix.domain.id}'`] }
        : { action: 'add-domain', description: `Add ${fix.hostname} as the primary subdomain of ${finding.tenant?.slug ?? ''}`, sql: [`insert into tenantry.domains (id, tenant_id, hostname, kind, is_primary, verified_at, created_at) values (<new id>, '${finding.tenant?.id ?? ''}', '${fix.hostname}', 'subdomain', true, now(), now())`] };
    return { destructive: false, confirmText: null, steps: [step] };
  },
  async apply(ctx, finding) {
    const fix = await chooseFix(ctx, finding);
    const scope = finding.tenant ?? undefined;
    if (fix.kind === 'promote') {
      fix.domain.isPrimary = true;
      if (scope) recordAudit(ctx, ctx.em, { action: 'domain.primary_set', tenant: scope, targetType: 'domain', targetId: fix.domain.id, before: { isPrimary: false }, after: { hostname: fix.domain.hostname, isPrimary: true, repair: finding.code } });
    } else {
      const domain = ctx.em.create(Domain, { tenant: ctx.em.getReference(Tenant, finding.tenant?.id ?? ''), hostname: fix.hostname, kind: 'subdomain', isPrimary: true, verificationToken: null, verifiedAt: ctx.now(), createdAt: ctx.now() });
      if (scope) recordAudit(ctx, ctx.em, { action: 'domain.added', tenant: scope, targetType: 'domain', targetId: domain.id, after: { hostname: fix.hostname, kind: 'subdomain', isPrimary: true, repair: finding.code } });
    }
    await ctx.em.flush();
  },
};
