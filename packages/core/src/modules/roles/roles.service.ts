import { z } from 'zod';
import type { ServiceContext } from '../../context.ts';
import { emailAddress } from '../../validation/fields.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { ChangeOutcome } from '../changes/change.ts';
import { tenantSlugField, type ChangeOptions } from '../changes/inputs.ts';
import { lastOwner, memberNotFound } from '../memberships/member-errors.ts';
import { countOwners, findMember, membersOf, type MemberView } from '../memberships/member-queries.ts';
import { requireOwnerForOwnerRole } from '../permissions/authorize.ts';
import { inTenantScope } from '../permissions/tenant-scope.ts';
import { RoleAssignment } from './role-assignment.entity.ts';
import { ROLES, type Role } from './roles.ts';

export const roleChangeInput = z.strictObject({
  slug: tenantSlugField,
  email: emailAddress,
  role: z.enum(ROLES, { error: `must be one of: ${ROLES.join(', ')}` }),
});
export type RoleChangeInput = z.input<typeof roleChangeInput>;

export interface RoleAssignmentView {
  userId: string;
  email: string;
  role: Role;
}

/** Every role assignment in a tenant, by member. Members with no role are left out. */
export async function listRoleAssignments(ctx: ServiceContext, slug: string): Promise<RoleAssignmentView[]> {
  const tenantSlug = parseInput(tenantSlugField, slug);
  return inTenantScope(ctx, tenantSlug, 'role.list', async ({ tx, tenant }) =>
    (await membersOf(tx, tenant.id)).flatMap((member) => member.roles.map((role) => ({ userId: member.userId, email: member.email, role }))),
  );
}

export interface RoleChangeOutcome extends ChangeOutcome {
  member: MemberView;
}

/** Grants a role to a member; granting a role they hold is `unchanged`. Only an owner grants owner. */
export async function grantRole(ctx: ServiceContext, input: RoleChangeInput, options: ChangeOptions = {}): Promise<RoleChangeOutcome> {
  const request = parseInput(roleChangeInput, input);
  return inTenantScope(ctx, request.slug, 'role.grant', async ({ tx, tenant, access }) => {
    if (request.role === 'owner') requireOwnerForOwnerRole(access, 'role.grant', 'grant the owner role');
    const found = await findMember(tx, tenant.id, request.email);
    if (!found) throw memberNotFound(tenant.slug, request.email);
    const { membership, ...member } = found;
    if (member.roles.includes(request.role)) return { result: 'unchanged', steps: [], changes: [], member };
    const roles = [...member.roles, request.role].sort();
    const steps = [{ action: 'grant-role', description: `Grant ${request.role} to ${member.email} in ${tenant.slug}` }];
    const changes = [{ field: 'roles', from: member.roles, to: roles }];
    if (options.dryRun) return { result: 'planned', steps, changes, member };
    tx.create(RoleAssignment, { membership, role: request.role, createdAt: ctx.now() });
    recordAudit(ctx, tx, { action: 'role.granted', tenant: { id: tenant.id, slug: tenant.slug }, targetType: 'user', targetId: member.userId, before: { roles: member.roles }, after: { role: request.role, roles } });
    await tx.flush();
    return { result: 'applied', steps, changes, member: { ...member, roles } };
  });
}

/** Revokes a role; revoking one they do not hold is `unchanged`. The last owner keeps the owner role. */
export async function revokeRole(ctx: ServiceContext, input: RoleChangeInput, options: ChangeOptions = {}): Promise<RoleChangeOutcome> {
  const request = parseInput(roleChangeInput, input);
  return inTenantScope(ctx, request.slug, 'role.revoke', async ({ tx, tenant, access }) => {
    if (request.role === 'owner') requireOwnerForOwnerRole(access, 'role.revoke', 'revoke the owner role');
    const found = await findMember(tx, tenant.id, request.email);
    if (!found) throw memberNotFound(tenant.slug, request.email);
    const { membership, ...member } = found;
    if (!member.roles.includes(request.role)) return { result: 'unchanged', steps: [], changes: [], member };
    if (request.role === 'owner' && (await countOwners(tx, tenant.id)) <= 1) throw lastOwner(tenant.slug, member.email, 'revoking their owner role');
    const roles = member.roles.filter((role) => role !== request.role);
    const steps = [{ action: 'revoke-role', description: `Revoke ${request.role} from ${member.email} in ${tenant.slug}` }];
    const changes = [{ field: 'roles', from: member.roles, to: roles }];
    if (options.dryRun) return { result: 'planned', steps, changes, member };
    await tx.nativeDelete(RoleAssignment, { membership: membership.id, role: request.role });
    recordAudit(ctx, tx, { action: 'role.revoked', tenant: { id: tenant.id, slug: tenant.slug }, targetType: 'user', targetId: member.userId, before: { role: request.role, roles: member.roles }, after: { roles } });
    await tx.flush();
    return { result: 'applied', steps, changes, member: { ...member, roles } };
  });
}
