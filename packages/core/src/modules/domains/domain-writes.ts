import { randomBytes } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { uuidv7 } from '../../db/ids.ts';
import type { AuditSubject, TenantOperationContext } from '../../operations/operation.ts';
import { limitExceeded, tenantUsage } from '../plans/usage.ts';
import type { Tenant } from '../tenants/tenant.entity.ts';
import { Domain, type DomainKind } from './domain.entity.ts';

/** The tenant's domains as they are before a change, by hostname: the `from` of its diff. */
export async function tenantHostnames({ tx, tenant }: TenantOperationContext): Promise<string[]> {
  // Sorted here, not by the database's collation: the diff's `to` is sorted the same way.
  return (await tx.find(Domain, { tenant: tenant.id })).map((domain) => domain.hostname).sort();
}

/** Refuses a new domain past maxDomains. */
export async function checkNewDomain({ tx, tenant, now }: TenantOperationContext): Promise<void> {
  const usage = await tenantUsage(tx, tenant.id, now());
  if (usage.domains + 1 > tenant.limits.maxDomains) throw limitExceeded(tenant.slug, 'maxDomains', tenant.limits.maxDomains, usage.domains);
}

/**
 * A new domain, not yet persisted: a plan shows it, applying persists it. Subdomains are verified;
 * custom ones get a TXT token.
 */
export function draftDomain({ tx, tenant, now }: TenantOperationContext, hostname: string, kind: DomainKind, isPrimary: boolean): Domain {
  const at = now();
  return tx.create(
    Domain,
    {
      id: uuidv7(),
      tenant,
      hostname,
      kind,
      isPrimary,
      verificationToken: kind === 'custom' ? `tenantry-verify=${randomBytes(16).toString('hex')}` : null,
      verifiedAt: kind === 'subdomain' ? at : null,
      createdAt: at,
    },
    { persist: false },
  );
}

/** The audit subject of a new domain: `domain.added` with what it is. */
export function domainAdded(domain: Domain): Required<Pick<AuditSubject, 'targetType' | 'targetId' | 'after'>> {
  return { targetType: 'domain', targetId: domain.id, after: { hostname: domain.hostname, kind: domain.kind, isPrimary: domain.isPrimary } };
}

/** Unsets the current primary in the database first, so the one-primary index never sees two. */
export async function clearPrimary(tx: SqlEntityManager, tenant: Tenant): Promise<void> {
  await tx.nativeUpdate(Domain, { tenant: tenant.id, isPrimary: true }, { isPrimary: false });
}
