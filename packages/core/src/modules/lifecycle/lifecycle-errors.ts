import { TenantryError } from '../../errors.ts';
import type { Tenant } from '../tenants/tenant.entity.ts';

export function invalidTransition(tenant: Tenant, operation: string, hint: string): TenantryError {
  return new TenantryError('INVALID_STATUS_TRANSITION', {
    message: `Cannot ${operation} ${tenant.slug}: it is ${tenant.status.replace('_', ' ')}.`,
    details: { slug: tenant.slug, status: tenant.status, operation },
    hint,
  });
}

export function gracePeriodActive(tenant: Tenant, now: Date): TenantryError {
  const until = tenant.deletionScheduledAt ?? now;
  const daysLeft = Math.ceil((until.getTime() - now.getTime()) / 86_400_000);
  return new TenantryError('GRACE_PERIOD_ACTIVE', {
    message: `${tenant.slug} stays restorable until ${until.toISOString()} (${daysLeft} day${daysLeft === 1 ? '' : 's'} left).`,
    details: { slug: tenant.slug, deletionScheduledAt: until.toISOString(), daysLeft },
    hint: `Wait, restore it with \`tenantry tenant restore ${tenant.slug}\`, or purge now with --force.`,
  });
}
