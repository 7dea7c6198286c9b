import type { SqlEntityManager } from '@mikro-orm/sql';
import type { Actor, ServiceContext } from '../../context.ts';
import { TenantryError } from '../../errors.ts';
import { scopesGrant } from '../api-keys/api-key-format.ts';
import type { Role } from '../roles/roles.ts';
import type { Tenant } from '../tenants/tenant.entity.ts';
import { ROLE_PERMISSIONS, rolesAllow, type Permission } from './permissions.ts';

/** What the actor turned out to be allowed, for the rules beyond the table (only an owner touches owners). */
export interface Access {
  /** The platform operator (or the system): every operation in every tenant. */
  platform: boolean;
  /** The acting user's roles in the tenant; empty for the platform. */
  roles: Role[];
  userId: string | null;
}

export function isPlatformActor(actor: Actor): boolean {
  return actor.type === 'operator' || actor.type === 'system';
}

/** A tenant user reaches only the data space of a tenant they are a member of; the platform every one. */
export async function requireTenantMember(ctx: ServiceContext, em: SqlEntityManager, tenant: { id: string; slug: string }): Promise<void> {
  if (isPlatformActor(ctx.actor)) return;
  if (ctx.actor.apiKey?.tenantId === tenant.id) return;
  const userId = ctx.actor.type === 'user' ? ctx.actor.id : undefined;
  if (!userId || (await rolesOf(em, tenant.id, userId)) === null)
    throw TenantryError.forbidden('tenant.data', `${ctx.actor.label} is not a member of ${tenant.slug}`);
}

/** Refuses anyone but the platform operator (operations across tenants). */
export function requirePlatform(ctx: ServiceContext, operation: string): Access {
  if (isPlatformActor(ctx.actor)) return { platform: true, roles: [], userId: null };
  throw TenantryError.forbidden(operation, `${ctx.actor.label} may not perform ${operation}: only the platform operator may`);
}

/** Decides whether the actor may perform `operation` in `tenant`, from the permission table. */
export async function authorize(ctx: ServiceContext, em: SqlEntityManager, operation: Permission, tenant: Tenant): Promise<Access> {
  if (isPlatformActor(ctx.actor)) return { platform: true, roles: [], userId: null };
  if (ctx.actor.type === 'api_key') return authorizeApiKey(ctx.actor, operation, tenant);
  const userId = ctx.actor.type === 'user' ? ctx.actor.id : undefined;
  if (!userId) throw TenantryError.forbidden(operation, `${ctx.actor.label} (${ctx.actor.type}) may not perform ${operation}`);
  const roles = await rolesOf(em, tenant.id, userId);
  if (roles === null) throw TenantryError.forbidden(operation, `${ctx.actor.label} is not a member of ${tenant.slug}`);
  if (!rolesAllow(roles, operation)) {
    const held = roles.length > 0 ? roles.join(', ') : 'no role';
    throw TenantryError.forbidden(operation, `${ctx.actor.label} has ${held} in ${tenant.slug}, which does not allow ${operation}`);
  }
  return { platform: false, roles, userId };
}

/**
 * An API key acts only in its own tenant, with the Tenantry permissions its scopes grant as
 * `tenantry.<permission>` (`tenantry.*` or `*`: all), and never beyond what an admin may do: platform-only
 * operations and the owner role stay out of a key's reach.
 */
function authorizeApiKey(actor: Actor, operation: Permission, tenant: Tenant): Access {
  const grant = actor.apiKey;
  if (!grant || grant.tenantId !== tenant.id) throw TenantryError.forbidden(operation, `${actor.label} belongs to another tenant than ${tenant.slug}`);
  if (!ROLE_PERMISSIONS.admin.includes(operation)) throw TenantryError.forbidden(operation, `an API key may not perform ${operation}`);
  if (!scopesGrant(grant.scopes, `tenantry.${operation}`)) {
    throw TenantryError.forbidden(operation, `${actor.label} does not grant tenantry.${operation} (it grants ${grant.scopes.join(', ')})`);
  }
  return { platform: false, roles: [], userId: null };
}

/** The user's roles in the tenant, or null when they are not a member. */
export async function rolesOf(em: SqlEntityManager, tenantId: string, userId: string): Promise<Role[] | null> {
  const [row] = await em.execute<{ roles: Role[] | null }[]>(
    `select array_remove(array_agg(r.role order by r.role), null) as roles
       from tenantry.memberships m
       left join tenantry.role_assignments r on r.membership_id = m.id
      where m.tenant_id = ? and m.user_id = ?
      group by m.id`,
    [tenantId, userId],
  );
  return row ? (row.roles ?? []) : null;
}

/** Only an owner (or the platform) may grant, revoke or invite the owner role, or remove an owner. */
export function requireOwnerForOwnerRole(access: Access, operation: Permission, what: string): void {
  if (access.platform || access.roles.includes('owner')) return;
  throw TenantryError.forbidden(operation, `only an owner may ${what}`);
}
