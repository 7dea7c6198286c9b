import type { ServiceContext } from '../../context.ts';
import { TenantryError } from '../../errors.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { ChangeOptions } from '../changes/inputs.ts';
import { inTenantScope } from '../permissions/tenant-scope.ts';
import { systemDnsResolver, type DnsResolver } from './dns-resolver.ts';
import { Domain } from './domain.entity.ts';
import { domainRefInput, type DomainRefInput } from './domain.schemas.ts';
import { domainNotFound, toDomainView, verificationFailed, verificationRecordName } from './domain-view.ts';
import type { DomainOutcome } from './domains.service.ts';

/** DNS answers that mean "no such record", as opposed to "the lookup failed". */
const NO_RECORD = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN', 'ENONAME']);

export interface VerifyDomainOptions extends ChangeOptions {
  resolver?: DnsResolver;
}

/**
 * Verifies a custom domain: looks up TXT `_tenantry.<hostname>` through the resolver (injectable) and
 * marks the domain verified when a record holds its token; it becomes primary when the tenant has no
 * primary domain. The lookup runs before the transaction.
 */
export async function verifyDomain(ctx: ServiceContext, input: DomainRefInput, options: VerifyDomainOptions = {}): Promise<DomainOutcome> {
  const request = parseInput(domainRefInput, input);
  const domain = await inTenantScope(ctx, request.slug, 'domain.verify', async ({ tx, tenant }) => {
    const found = await tx.findOne(Domain, { tenant: tenant.id, hostname: request.hostname });
    if (!found) throw domainNotFound(tenant.slug, request.hostname);
    return toDomainView(found, tenant.slug);
  });
  if (domain.verified) return { result: 'unchanged', steps: [], changes: [], domain };
  const expected = domain.verification?.recordValue ?? '';
  const records = await lookup(options.resolver ?? systemDnsResolver(), verificationRecordName(domain.hostname));
  if (!records.includes(expected)) throw verificationFailed(request.slug, domain.hostname, expected, records);
  const steps = [{ action: 'verify-domain', description: `Mark ${domain.hostname} verified: TXT ${verificationRecordName(domain.hostname)} holds its token` }];
  const changes = [{ field: 'verified', from: false, to: true }];
  if (options.dryRun) return { result: 'planned', steps, changes, domain };
  return inTenantScope(ctx, request.slug, 'domain.verify', async ({ tx, tenant }) => {
    const current = await tx.findOne(Domain, { tenant: tenant.id, hostname: request.hostname });
    if (!current) throw domainNotFound(tenant.slug, request.hostname);
    if (current.verifiedAt) return { result: 'unchanged', steps: [], changes: [], domain: toDomainView(current, tenant.slug) };
    current.verifiedAt = ctx.now();
    // A tenant's first verified domain is primary (a custom domain given at provisioning without a base domain).
    const promoted = (await tx.count(Domain, { tenant: tenant.id, isPrimary: true })) === 0;
    if (promoted) current.isPrimary = true;
    recordAudit(ctx, tx, { action: 'domain.verified', tenant: { id: tenant.id, slug: tenant.slug }, targetType: 'domain', targetId: current.id, before: { verified: false }, after: { verified: true, hostname: current.hostname, ...(promoted ? { isPrimary: true } : {}) } });
    await tx.flush();
    return { result: 'applied', steps, changes, domain: toDomainView(current, tenant.slug) };
  });
}

/** The TXT records at a name, each joined from its strings; none when the name has none. */
async function lookup(resolver: DnsResolver, name: string): Promise<string[]> {
  try {
    return (await resolver.resolveTxt(name)).map((chunks) => chunks.join('').trim());
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && NO_RECORD.has(code)) return [];
    throw new TenantryError('UNAVAILABLE', {
      message: `The DNS lookup of ${name} failed: ${error instanceof Error ? error.message : String(error)}.`,
      details: { record: name, code: typeof code === 'string' ? code : null },
      hint: 'Check the DNS resolver of this machine; safe to retry.',
      cause: error,
    });
  }
}
