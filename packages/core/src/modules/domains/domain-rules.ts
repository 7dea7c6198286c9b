import { TenantryError } from '../../errors.ts';
import type { DomainKind } from './domain.entity.ts';

/**
 * Hostnames under the platform's base domain are subdomains (verified at once, the platform owns the
 * DNS), and a tenant may only have its own: `<slug>.<base>` or names under it. Anything else is a
 * custom domain, unverified until its DNS TXT record is found.
 */
export function domainKind(host: string, slug: string, baseDomain: string | undefined): DomainKind {
  if (!baseDomain || (host !== baseDomain && !host.endsWith(`.${baseDomain}`))) return 'custom';
  const own = `${slug}.${baseDomain}`;
  if (host === own || host.endsWith(`.${own}`)) return 'subdomain';
  throw TenantryError.invalidInput([
    { path: 'hostname', message: `names under ${baseDomain} belong to the platform: ${slug} may only use ${own} or a name under it` },
  ]);
}
