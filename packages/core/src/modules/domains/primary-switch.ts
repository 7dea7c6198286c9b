import { TenantryError } from '../../errors.ts';
import type { Planned, TenantOperationContext } from '../../operations/operation.ts';
import type { PlanStep } from '../../plan.ts';
import { Domain } from './domain.entity.ts';
import { domainKind, domainUnverified } from './domain-rules.ts';
import { toDomainView, type DomainView } from './domain-view.ts';
import { checkNewDomain, clearPrimary, domainAdded, draftDomain } from './domain-writes.ts';

/** What a domain change plans: the domain (a draft when it is new) and how callers will see it. */
export interface DomainChange {
  domain: Domain;
  /** The domain is new: applying persists the draft. */
  created: boolean;
  /** The change moves the primary to this domain (`domain.primary_changed`). */
  primarySwitch: boolean;
  view: DomainView;
}

/** Nothing to change: the domain as it is. */
export function unchangedDomain(domain: Domain, slug: string): Planned<DomainChange> {
  return { unchanged: true, steps: [], data: { domain, created: false, primarySwitch: false, view: toDomainView(domain, slug) } };
}

/**
 * Plans making a hostname the tenant's primary domain, adding it when the tenant does not have it (its
 * own `<slug>.<base domain>`): the repair for a tenant whose domain is missing or wrong (the runbooks'
 * fix_tenant_domain). A custom domain must be verified first (DOMAIN_UNVERIFIED).
 */
export async function planPrimarySwitch(ctx: TenantOperationContext, hostname: string): Promise<Planned<DomainChange>> {
  const { tx, tenant } = ctx;
  const target = await tx.findOne(Domain, { hostname }, { populate: ['tenant'] });
  if (target && target.tenant.id !== tenant.id) throw TenantryError.hostnameTaken(hostname);
  if (target?.isPrimary) return unchangedDomain(target, tenant.slug);
  // A custom domain is primary (the login URL) only once verified; a new one cannot be, it starts unverified.
  const kind = target?.kind ?? domainKind(hostname, tenant.slug, ctx.settings.baseDomain);
  if (kind === 'custom' && !target?.verifiedAt) throw domainUnverified(tenant.slug, hostname);
  const current = await tx.findOne(Domain, { tenant: tenant.id, isPrimary: true });
  if (!target) await checkNewDomain(ctx);
  const domain = target ?? draftDomain(ctx, hostname, kind, true);
  const steps: PlanStep[] = [];
  if (!target) steps.push({ action: 'add-domain', description: `Add ${hostname} to ${tenant.slug} (it has no such domain)` });
  steps.push({
    action: 'set-primary-domain',
    description: current
      ? `Make ${hostname} the primary domain of ${tenant.slug} instead of ${current.hostname}`
      : `Make ${hostname} the primary domain of ${tenant.slug} (it has none)`,
  });
  return {
    steps,
    changes: [{ field: 'primaryDomain', from: current?.hostname ?? null, to: hostname }],
    basis: { current: current?.id ?? null, target: target?.id ?? null },
    audit: {
      action: 'domain.primary_changed',
      targetType: 'domain',
      targetId: domain.id,
      before: { primary: current?.hostname ?? null },
      after: { primary: hostname, created: !target },
    },
    data: { domain, created: !target, primarySwitch: true, view: { ...toDomainView(domain, tenant.slug), isPrimary: true } },
  };
}

/** Unsets the old primary, then makes the planned domain primary (persisting it, with its `domain.added`, when new). */
export async function applyPrimarySwitch(ctx: TenantOperationContext, plan: Planned<DomainChange>): Promise<DomainView> {
  const { domain, created } = plan.data;
  await clearPrimary(ctx.tx, ctx.tenant);
  domain.isPrimary = true;
  if (created) {
    ctx.tx.persist(domain);
    ctx.record({ action: 'domain.added', tenant: { id: ctx.tenant.id, slug: ctx.tenant.slug }, ...domainAdded(domain) });
  }
  return toDomainView(domain, ctx.tenant.slug);
}
