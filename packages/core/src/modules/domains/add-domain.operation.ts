import { TenantryError } from '../../errors.ts';
import { defineOperation } from '../../operations/operation.ts';
import { Domain } from './domain.entity.ts';
import { domainKind, domainUnverified } from './domain-rules.ts';
import { addDomainInput } from './domain.schemas.ts';
import { toDomainView, verificationRecordName } from './domain-view.ts';
import { checkNewDomain, domainAdded, draftDomain, tenantHostnames } from './domain-writes.ts';
import { applyPrimarySwitch, planPrimarySwitch, unchangedDomain, type DomainChange } from './primary-switch.ts';

/**
 * Adds a domain (lowercased, IDNA-encoded, unique across tenants, claimable by this tenant: see
 * `domainKind`). A tenant's first verified domain is primary (a new custom one waits for its
 * verification); `primary` makes a new or existing verified one primary, which is the primary switch
 * (`domain.primary_changed`). Adding a domain the tenant has is `unchanged`.
 */
export const addDomain = defineOperation({
  id: 'domain.add',
  summary: 'Adds a domain to a tenant; custom domains start unverified with a DNS TXT token.',
  scope: 'tenant',
  input: addDomainInput,
  audit: ['domain.added', 'domain.primary_changed'],
  async plan(ctx, request) {
    const { tx, tenant } = ctx;
    const existing = await tx.findOne(Domain, { hostname: request.hostname }, { populate: ['tenant'] });
    if (existing && existing.tenant.id !== tenant.id) throw TenantryError.hostnameTaken(request.hostname);
    if (existing) return request.primary && !existing.isPrimary ? planPrimarySwitch(ctx, request.hostname) : unchangedDomain(existing, tenant.slug);
    const kind = domainKind(request.hostname, tenant.slug, ctx.settings.baseDomain);
    if (request.primary && kind === 'custom') throw domainUnverified(tenant.slug, request.hostname);
    const current = await tx.findOne(Domain, { tenant: tenant.id, isPrimary: true });
    const primary = kind === 'subdomain' && (request.primary || !current);
    // Added as primary beside an existing primary: the primary switch.
    if (primary && current) return planPrimarySwitch(ctx, request.hostname);
    await checkNewDomain(ctx);
    const hostnames = await tenantHostnames(ctx);
    const domain = draftDomain(ctx, request.hostname, kind, primary);
    const verification = kind === 'custom' ? `, unverified until TXT ${verificationRecordName(request.hostname)} holds the token it is given` : ', verified';
    return {
      steps: [{ action: 'add-domain', description: `Add ${primary ? 'primary ' : ''}${kind} domain ${request.hostname} to ${tenant.slug}${verification}` }],
      changes: [{ field: 'domains', from: hostnames, to: [...hostnames, request.hostname].sort() }],
      basis: { primary: current?.id ?? null },
      audit: { action: 'domain.added', ...domainAdded(domain) },
      // A plan shows no token: the one to publish is made when the domain is added.
      data: { domain, created: true, primarySwitch: false, view: { ...toDomainView(domain, tenant.slug), verification: null } } satisfies DomainChange,
    };
  },
  async apply(ctx, plan) {
    if (plan.data.primarySwitch) return applyPrimarySwitch(ctx, plan);
    ctx.tx.persist(plan.data.domain);
    return toDomainView(plan.data.domain, ctx.tenant.slug);
  },
});
