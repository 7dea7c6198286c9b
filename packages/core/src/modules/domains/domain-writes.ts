import { randomBytes } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { limitExceeded, tenantUsage } from '../plans/usage.ts';
import type { Tenant } from '../tenants/tenant.entity.ts';
import { Domain } from './domain.entity.ts';
import { domainKind } from './domain-rules.ts';

/** Refuses a new domain past maxDomains. */
export async function checkNewDomain(tx: SqlEntityManager, ctx: ServiceContext, tenant: Tenant): Promise<void> {
  const usage = await tenantUsage(tx, tenant.id, ctx.now());
  if (usage.domains + 1 > tenant.limits.maxDomains) throw limitExceeded(tenant.slug, 'maxDomains', tenant.limits.maxDomains, usage.domains);
}

/** A new domain in the unit of work, with its audit event. Subdomains are verified; custom ones get a TXT token. */
export function createDomain(tx: SqlEntityManager, ctx: ServiceContext, tenant: Tenant, host: string, isPrimary: boolean, draft = false): Domain {
  const now = ctx.now();
  const kind = domainKind(host, tenant.slug, ctx.settings.baseDomain);
  const domain = tx.create(
    Domain,
    {
      tenant,
      hostname: host,
      kind,
      isPrimary,
      verificationToken: kind === 'custom' ? `tenantry-verify=${randomBytes(16).toString('hex')}` : null,
      verifiedAt: kind === 'subdomain' ? now : null,
      createdAt: now,
    },
    { persist: !draft },
  );
  if (!draft) {
    recordAudit(ctx, tx, { action: 'domain.added', tenant: { id: tenant.id, slug: tenant.slug }, targetType: 'domain', targetId: domain.id, after: { hostname: host, kind, isPrimary } });
  }
  return domain;
}

/** Unsets the current primary in the database first, so the one-primary index never sees two. */
export async function clearPrimary(tx: SqlEntityManager, tenant: Tenant): Promise<void> {
  await tx.nativeUpdate(Domain, { tenant: tenant.id, isPrimary: true }, { isPrimary: false });
}
