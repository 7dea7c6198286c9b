import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../context.ts';
import { TenantryError } from '../errors.ts';

/** The platform operator (or the system) works across tenants; a tenant user only inside its own. */
function isPlatform(ctx: ServiceContext): boolean {
  return ctx.actor.type === 'operator' || ctx.actor.type === 'system';
}

/** Operations across tenants (migrations, bulk provisioning, export and import) are the platform's. */
export function requirePlatformActor(ctx: ServiceContext, operation: string): void {
  if (isPlatform(ctx)) return;
  throw TenantryError.forbidden(operation, `${ctx.actor.label} may not perform ${operation}: only the platform operator may`);
}

/** A tenant user reaches only the data space of a tenant they are a member of. */
export async function requireTenantMember(ctx: ServiceContext, em: SqlEntityManager, tenant: { id: string; slug: string }): Promise<void> {
  if (isPlatform(ctx)) return;
  const userId = ctx.actor.type === 'user' ? ctx.actor.id : undefined;
  const [member] = userId
    ? await em.execute<{ n: number }[]>('select count(*)::int as n from tenantry.memberships where tenant_id = ? and user_id = ?', [tenant.id, userId])
    : [];
  if (!member?.n) throw TenantryError.forbidden('tenant.data', `${ctx.actor.label} is not a member of ${tenant.slug}`);
}
