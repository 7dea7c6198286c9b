import EMAIL_PROVIDERS from 'email-providers/all.json' with { type: 'json' };
import { TenantryError } from '../../errors.ts';
import { normalizeHostname } from '../../validation/fields.ts';
import type { DomainKind } from './domain.entity.ts';

let consumerDomains: ReadonlySet<string> | undefined;

/** Names reserved for documentation and tests (RFC 2606, RFC 6761): never anyone's mail provider. */
const RESERVED = /(^|\.)(example\.(com|net|org)|example|test|invalid|localhost)$/;

/** The consumer mail domain (gmail.com, outlook.com, …: the kept `email-providers` list) a hostname is or lies under. */
export function consumerMailDomain(host: string): string | undefined {
  consumerDomains ??= new Set(EMAIL_PROVIDERS.filter((domain) => !RESERVED.test(domain)));
  const labels = host.split('.');
  for (let start = 0; start <= labels.length - 2; start++) {
    const candidate = labels.slice(start).join('.');
    if (consumerDomains.has(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Whether a tenant may claim a hostname, and as what: the one rule provisioning (single and bulk), an
 * import, `domain add` and `domain primary` apply. Under the platform's base domain a tenant may have
 * exactly `<slug>.<base>` (a subdomain, verified at once: the platform owns the DNS); any other name
 * there is refused, so no tenant holds another's (or a future tenant's) name. Anything else is a custom
 * domain, unverified until its DNS TXT record is found, and never a consumer mail domain. `field` names
 * the input in the INVALID_INPUT.
 */
export function domainKind(host: string, slug: string, baseDomain: string | undefined, field = 'hostname'): DomainKind {
  const base = baseDomain ? (normalizeHostname(baseDomain) ?? baseDomain.toLowerCase()) : undefined;
  if (base && (host === base || host.endsWith(`.${base}`))) {
    const own = `${slug}.${base}`;
    if (host === own) return 'subdomain';
    throw TenantryError.invalidInput([{ path: field, message: `names under ${base} belong to the platform: ${slug} may only use ${own}` }]);
  }
  const consumer = consumerMailDomain(host);
  if (consumer) {
    throw TenantryError.invalidInput([
      { path: field, message: `${consumer} is a consumer mail domain, which no organization owns; use a domain of the organization` },
    ]);
  }
  return 'custom';
}

/** A custom domain becomes primary (and the login URL) only once its DNS TXT record proved the tenant holds it. */
export function domainUnverified(slug: string, hostname: string): TenantryError {
  return new TenantryError('DOMAIN_UNVERIFIED', {
    message: `${hostname} is not verified, so it cannot be the primary domain of ${slug}.`,
    details: { slug, hostname },
    hint: `Add it, publish its TXT record, run \`tenantry domain verify ${slug} ${hostname}\`, then \`tenantry domain primary ${slug} ${hostname}\`.`,
  });
}
