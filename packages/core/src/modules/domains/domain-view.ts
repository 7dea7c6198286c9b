import { domainToUnicode } from 'node:url';
import { TenantryError } from '../../errors.ts';
import type { Domain, DomainKind } from './domain.entity.ts';

/** A domain as callers see it, with the DNS record that verifies a custom one. */
export interface DomainView {
  id: string;
  tenantSlug: string;
  /** ASCII (punycode) form, as stored. */
  hostname: string;
  /** The same name for people: xn--bcher-kva.example → bücher.example. */
  displayHostname: string;
  kind: DomainKind;
  isPrimary: boolean;
  verified: boolean;
  verifiedAt: Date | null;
  /** The TXT record to publish, while a custom domain is unverified. */
  verification: { recordName: string; recordValue: string } | null;
  createdAt: Date;
}

export function verificationRecordName(host: string): string {
  return `_tenantry.${host}`;
}

export function toDomainView(domain: Domain, tenantSlug: string): DomainView {
  const verified = domain.verifiedAt != null;
  return {
    id: domain.id,
    tenantSlug,
    hostname: domain.hostname,
    displayHostname: domainToUnicode(domain.hostname) || domain.hostname,
    kind: domain.kind,
    isPrimary: domain.isPrimary,
    verified,
    verifiedAt: domain.verifiedAt ?? null,
    verification: !verified && domain.verificationToken ? { recordName: verificationRecordName(domain.hostname), recordValue: domain.verificationToken } : null,
    createdAt: domain.createdAt,
  };
}

export function domainNotFound(slug: string, host: string): TenantryError {
  return new TenantryError('DOMAIN_NOT_FOUND', {
    message: `${slug} has no domain ${host}.`,
    details: { slug, hostname: host },
    hint: `List its domains with \`tenantry domain list ${slug}\`.`,
  });
}

export function primaryRemoval(slug: string, host: string): TenantryError {
  return new TenantryError('PRIMARY_DOMAIN_REMOVAL', {
    message: `${host} is the primary domain of ${slug}; it cannot be removed while it is primary.`,
    details: { slug, hostname: host },
    hint: `Make another domain primary first: \`tenantry domain primary ${slug} <hostname>\`.`,
  });
}

export function verificationFailed(slug: string, host: string, expected: string, found: string[]): TenantryError {
  const record = verificationRecordName(host);
  return new TenantryError('DOMAIN_VERIFICATION_FAILED', {
    message: found.length === 0 ? `No TXT record at ${record}.` : `The TXT records at ${record} do not contain the verification token (found ${found.length}).`,
    details: { slug, hostname: host, record, expected, found },
    hint: `Publish TXT ${record} = "${expected}", wait for DNS to propagate, and verify again.`,
  });
}
