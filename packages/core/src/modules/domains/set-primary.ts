import type { ServiceContext } from '../../context.ts';
import { TenantryError } from '../../errors.ts';
import type { PlanStep } from '../../plan.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { ChangeOptions } from '../changes/inputs.ts';
import { inTenantScope } from '../permissions/tenant-scope.ts';
import { Domain } from './domain.entity.ts';
import { domainRefInput, type DomainRefInput } from './domain.schemas.ts';
import { toDomainView } from './domain-view.ts';
import { domainKind, domainUnverified } from './domain-rules.ts';
import { checkNewDomain, clearPrimary, createDomain } from './domain-writes.ts';
import type { DomainOutcome } from './domains.service.ts';

/**
 * Makes a hostname the tenant's primary domain, creating it when the tenant does not have it (its own
 * `<slug>.<base domain>`): the repair for a tenant whose domain is missing or wrong (the runbooks'
 * fix_tenant_domain). A custom domain must be verified first (DOMAIN_UNVERIFIED).
 */
export async function setPrimaryDomain(ctx: ServiceContext, input: DomainRefInput, options: ChangeOptions = {}): Promise<DomainOutcome> {
  const request = parseInput(domainRefInput, input);
  return inTenantScope(ctx, request.slug, 'domain.primary', async ({ tx, tenant }) => {
    const target = await tx.findOne(Domain, { hostname: request.hostname }, { populate: ['tenant'] });
    if (target && target.tenant.id !== tenant.id) throw TenantryError.hostnameTaken(request.hostname);
    if (target?.isPrimary) return { result: 'unchanged', steps: [], changes: [], domain: toDomainView(target, tenant.slug) };
    // A custom domain is primary (the login URL) only once verified; a new one cannot be, it starts unverified.
    const kind = target?.kind ?? domainKind(request.hostname, tenant.slug, ctx.settings.baseDomain);
    if (kind === 'custom' && !target?.verifiedAt) throw domainUnverified(tenant.slug, request.hostname);
    const current = await tx.findOne(Domain, { tenant: tenant.id, isPrimary: true });
    if (!target) await checkNewDomain(tx, ctx, tenant);
    const steps: PlanStep[] = [];
    if (!target) steps.push({ action: 'add-domain', description: `Add ${request.hostname} to ${tenant.slug} (it has no such domain)` });
    steps.push({
      action: 'set-primary-domain',
      description: current ? `Make ${request.hostname} the primary domain of ${tenant.slug} instead of ${current.hostname}` : `Make ${request.hostname} the primary domain of ${tenant.slug} (it has none)`,
    });
    const changes = [{ field: 'primaryDomain', from: current?.hostname ?? null, to: request.hostname }];
    if (options.dryRun) {
      const draft = target ?? createDomain(tx, ctx, tenant, request.hostname, true, true);
      return { result: 'planned', steps, changes, domain: { ...toDomainView(draft, tenant.slug), isPrimary: true } };
    }
    await clearPrimary(tx, tenant);
    const domain = target ?? createDomain(tx, ctx, tenant, request.hostname, true);
    domain.isPrimary = true;
    recordAudit(ctx, tx, {
      action: 'domain.primary_changed',
      tenant: { id: tenant.id, slug: tenant.slug },
      targetType: 'domain',
      targetId: domain.id,
      before: { primary: current?.hostname ?? null },
      after: { primary: domain.hostname, created: !target },
    });
    await tx.flush();
    return { result: 'applied', steps, changes, domain: toDomainView(domain, tenant.slug) };
  });
}
