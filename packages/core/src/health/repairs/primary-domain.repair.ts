import { TenantryError } from '../../errors.ts';
import { Domain } from '../../modules/domains/domain.entity.ts';
import { setPrimaryDomain } from '../../modules/domains/set-primary-domain.operation.ts';
import { repairVia } from './repair-via.ts';

/**
 * Makes the oldest verified domain primary (an unverified one never becomes primary), or adds
 * `<slug>.<base domain>` as the primary when there is none: `domain primary` with that hostname.
 */
export const primaryDomainRepair = repairVia(setPrimaryDomain, async (ctx, finding) => {
  const slug = finding.tenant?.slug ?? '';
  const [oldest] = await ctx.em.find(
    Domain,
    { tenant: finding.tenant?.id ?? '', verifiedAt: { $ne: null } },
    { orderBy: [{ verifiedAt: 'asc' }, { createdAt: 'asc' }], limit: 1 },
  );
  if (oldest) return { slug, hostname: oldest.hostname };
  if (ctx.settings.baseDomain && finding.tenant) return { slug, hostname: `${slug}.${ctx.settings.baseDomain}` };
  throw new TenantryError('PRECONDITION_FAILED', {
    message: `${finding.tenant?.slug ?? 'The tenant'} has no verified domain to make primary and no base domain is configured.`,
    hint: 'Verify one of its domains (`tenantry domain verify <slug> <host>`: it then becomes primary), or set TENANTRY_BASE_DOMAIN.',
  });
});
