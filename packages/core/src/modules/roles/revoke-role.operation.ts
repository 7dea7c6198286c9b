import { defineOperation } from '../../operations/operation.ts';
import { lastOwner, memberNotFound } from '../memberships/member-errors.ts';
import { countOwners, findMember } from '../memberships/member-queries.ts';
import { requireOwnerForOwnerRole } from '../permissions/authorize.ts';
import { RoleAssignment } from './role-assignment.entity.ts';
import { roleChangeInput } from './role-change.schemas.ts';

/** Revokes a role; revoking one they do not hold is `unchanged`. The last owner keeps the owner role. */
export const revokeRole = defineOperation({
  id: 'role.revoke',
  summary: 'Revokes a role from a member of a tenant; the last owner keeps the owner role.',
  scope: 'tenant',
  input: roleChangeInput,
  audit: ['role.revoked'],
  async plan({ tx, tenant, access }, request) {
    if (request.role === 'owner') requireOwnerForOwnerRole(access, 'role.revoke', 'revoke the owner role');
    const found = await findMember(tx, tenant.id, request.email);
    if (!found) throw memberNotFound(tenant.slug, request.email);
    const { membership, ...member } = found;
    if (!member.roles.includes(request.role)) return { unchanged: true, steps: [], data: { member, membershipId: membership.id } };
    if (request.role === 'owner' && (await countOwners(tx, tenant.id)) <= 1) throw lastOwner(tenant.slug, member.email, 'revoking their owner role');
    const roles = member.roles.filter((role) => role !== request.role);
    return {
      steps: [{ action: 'revoke-role', description: `Revoke ${request.role} from ${member.email} in ${tenant.slug}` }],
      changes: [{ field: 'roles', from: member.roles, to: roles }],
      basis: member.roles,
      audit: { targetType: 'user', targetId: member.userId, before: { role: request.role, roles: member.roles }, after: { roles } },
      data: { member: { ...member, roles }, membershipId: membership.id },
    };
  },
  async apply({ tx }, { data }, request) {
    await tx.nativeDelete(RoleAssignment, { membership: data.membershipId, role: request.role });
  },
});
