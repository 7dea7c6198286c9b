import { defineOperation } from '../../operations/operation.ts';
import type { PlanStep } from '../../plan.ts';
import { lookupTxt, systemDnsResolver } from './dns-resolver.ts';
import { Domain } from './domain.entity.ts';
import { domainRefInput } from './domain.schemas.ts';
import { domainNotFound, toDomainView, verificationFailed, verificationRecordName } from './domain-view.ts';
import type { DomainChange } from './primary-switch.ts';

interface VerificationCheck extends DomainChange {
  /** What the lookup found at the TXT record, and the token it looks for. */
  records: string[];
  expected: string;
  present: boolean;
  promoted: boolean;
}

/**
 * Verifies a custom domain: looks up TXT `_tenantry.<hostname>` through the context's resolver and marks
 * the domain verified when a record holds its token; it becomes primary when the tenant has no primary
 * domain. The plan is the lookup's answer, so a dry run says what will be checked and what it finds;
 * applying without the record is DOMAIN_VERIFICATION_FAILED and writes nothing.
 */
export const verifyDomain = defineOperation({
  id: 'domain.verify',
  summary: 'Verifies a custom domain by looking up its DNS TXT record.',
  scope: 'tenant',
  input: domainRefInput,
  audit: ['domain.verified'],
  async plan(ctx, request) {
    const { tx, tenant } = ctx;
    const domain = await tx.findOne(Domain, { tenant: tenant.id, hostname: request.hostname });
    if (!domain) throw domainNotFound(tenant.slug, request.hostname);
    const view = toDomainView(domain, tenant.slug);
    const base = { domain, created: false, primarySwitch: false, view, records: [], expected: '', present: false, promoted: false };
    if (domain.verifiedAt) return { unchanged: true, steps: [], data: base satisfies VerificationCheck };
    const record = verificationRecordName(domain.hostname);
    const expected = domain.verificationToken ?? '';
    const records = await lookupTxt(ctx.dnsResolver ?? systemDnsResolver(), record);
    const present = records.includes(expected);
    // A tenant's first verified domain is primary (a custom domain given at provisioning without a base domain).
    const promoted = present && (await tx.count(Domain, { tenant: tenant.id, isPrimary: true })) === 0;
    const steps: PlanStep[] = [
      {
        action: 'check-txt-record',
        description: present
          ? `Look up TXT ${record} = "${expected}": found`
          : `Look up TXT ${record} = "${expected}": not found yet (${records.length === 0 ? 'no TXT record' : `${records.length} other TXT record(s)`}), so applying fails until it is published`,
      },
    ];
    if (present) steps.push({ action: 'verify-domain', description: `Mark ${domain.hostname} verified: TXT ${record} holds its token` });
    if (promoted)
      steps.push({ action: 'set-primary-domain', description: `Make ${domain.hostname} the primary domain of ${tenant.slug}: its first verified domain` });
    return {
      steps,
      changes: present
        ? [{ field: 'verified', from: false, to: true }, ...(promoted ? [{ field: 'primaryDomain', from: null, to: domain.hostname }] : [])]
        : [],
      basis: { domain: domain.id, present, promoted },
      audit: {
        targetType: 'domain',
        targetId: domain.id,
        before: { verified: false },
        after: { verified: true, hostname: domain.hostname, ...(promoted ? { isPrimary: true } : {}) },
      },
      data: {
        ...base,
        records,
        expected,
        present,
        promoted,
        view: present ? { ...view, verified: true, verification: null, isPrimary: promoted || view.isPrimary } : view,
      } satisfies VerificationCheck,
    };
  },
  async apply({ tenant, now }, plan) {
    const { domain, records, expected, present, promoted } = plan.data;
    if (!present) throw verificationFailed(tenant.slug, domain.hostname, expected, records);
    domain.verifiedAt = now();
    if (promoted) domain.isPrimary = true;
    return toDomainView(domain, tenant.slug);
  },
});
