import type { ServiceContext } from '../../context.ts';
import { TenantryError } from '../../errors.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { ChangeOutcome } from '../changes/change.ts';
import { tenantSlugField, type ChangeOptions } from '../changes/inputs.ts';
import { inTenantScope } from '../permissions/tenant-scope.ts';
import { Domain } from './domain.entity.ts';
import { addDomainInput, domainRefInput, type AddDomainInput, type DomainRefInput } from './domain.schemas.ts';
import { domainNotFound, primaryRemoval, toDomainView, verificationRecordName, type DomainView } from './domain-view.ts';
import { domainKind, domainUnverified } from './domain-rules.ts';
import { checkNewDomain, createDomain } from './domain-writes.ts';
import { setPrimaryDomain } from './set-primary.ts';

export interface DomainOutcome extends ChangeOutcome {
  domain: DomainView;
}

/** A tenant's domains, primary first. */
export async function listDomains(ctx: ServiceContext, slug: string): Promise<DomainView[]> {
  const tenantSlug = parseInput(tenantSlugField, slug);
  return inTenantScope(ctx, tenantSlug, 'domain.list', async ({ tx, tenant }) =>
    (await tx.find(Domain, { tenant: tenant.id }, { orderBy: { isPrimary: 'desc', hostname: 'asc' } })).map((domain) => toDomainView(domain, tenant.slug)),
  );
}

/**
 * Adds a domain (lowercased, IDNA-encoded, unique across tenants, claimable by this tenant: see
 * `domainKind`). A tenant's first verified domain is primary (a new custom one waits for its
 * verification); `primary` makes a new or existing verified one primary. Adding a domain the tenant
 * has is `unchanged`.
 */
export async function addDomain(ctx: ServiceContext, input: AddDomainInput, options: ChangeOptions = {}): Promise<DomainOutcome> {
  const request = parseInput(addDomainInput, input);
  const added = await inTenantScope(ctx, request.slug, 'domain.add', async ({ tx, tenant }) => {
    const existing = await tx.findOne(Domain, { hostname: request.hostname }, { populate: ['tenant'] });
    if (existing && existing.tenant.id !== tenant.id) throw TenantryError.hostnameTaken(request.hostname);
    if (existing) return { existing: toDomainView(existing, tenant.slug), outcome: null };
    const kind = domainKind(request.hostname, tenant.slug, ctx.settings.baseDomain);
    if (request.primary && kind === 'custom') throw domainUnverified(tenant.slug, request.hostname);
    await checkNewDomain(tx, ctx, tenant);
    const hasPrimary = (await tx.count(Domain, { tenant: tenant.id, isPrimary: true })) > 0;
    const primary = kind === 'subdomain' && (request.primary || !hasPrimary);
    if (primary && hasPrimary) return { existing: null, outcome: null };
    const domain = createDomain(tx, ctx, tenant, request.hostname, primary, options.dryRun === true);
    const view = toDomainView(domain, tenant.slug);
    const verification = view.verification ? `, unverified until TXT ${verificationRecordName(view.hostname)} is found` : ', verified';
    const steps = [{ action: 'add-domain', description: `Add ${primary ? 'primary ' : ''}${view.kind} domain ${view.hostname} to ${tenant.slug}${verification}` }];
    const changes = [{ field: 'domains', from: null, to: view.hostname }];
    if (!options.dryRun) await tx.flush();
    return { existing: null, outcome: { result: options.dryRun ? ('planned' as const) : ('applied' as const), steps, changes, domain: view } };
  });
  if (added.outcome) return added.outcome;
  // Adding it as primary beside an existing primary, or making an existing one primary: the primary switch.
  if (request.primary && !added.existing?.isPrimary) return setPrimaryDomain(ctx, { slug: request.slug, hostname: request.hostname }, options);
  if (!added.existing) throw new Error('unreachable: no domain and no outcome');
  return { result: 'unchanged', steps: [], changes: [], domain: added.existing };
}

/** Removes a domain; the primary one is refused until another is primary. */
export async function removeDomain(ctx: ServiceContext, input: DomainRefInput, options: ChangeOptions = {}): Promise<DomainOutcome> {
  const request = parseInput(domainRefInput, input);
  return inTenantScope(ctx, request.slug, 'domain.remove', async ({ tx, tenant }) => {
    const domain = await tx.findOne(Domain, { tenant: tenant.id, hostname: request.hostname });
    if (!domain) throw domainNotFound(tenant.slug, request.hostname);
    if (domain.isPrimary) throw primaryRemoval(tenant.slug, domain.hostname);
    const view = toDomainView(domain, tenant.slug);
    const steps = [{ action: 'remove-domain', description: `Remove ${domain.kind} domain ${domain.hostname} from ${tenant.slug}` }];
    const changes = [{ field: 'domains', from: domain.hostname, to: null }];
    if (options.dryRun) return { result: 'planned', steps, changes, domain: view };
    await tx.nativeDelete(Domain, { id: domain.id });
    recordAudit(ctx, tx, { action: 'domain.removed', tenant: { id: tenant.id, slug: tenant.slug }, targetType: 'domain', targetId: domain.id, before: { hostname: domain.hostname, kind: domain.kind, verified: view.verified } });
    await tx.flush();
    return { result: 'applied', steps, changes, domain: view };
  });
}
