import { defineOperation } from '../../operations/operation.ts';
import { memberNotFound } from '../memberships/member-errors.ts';
import { findMember } from '../memberships/member-queries.ts';
import { requireOwnerForOwnerRole } from '../permissions/authorize.ts';
import { RoleAssignment } from './role-assignment.entity.ts';
import { roleChangeInput } from './role-change.schemas.ts';

/** Grants a role to a member; granting a role they hold is `unchanged`. Only an owner grants owner. */
export const grantRole = defineOperation({
  id: 'role.grant',
  summary: 'Grants a role to a member of a tenant.',
  scope: 'tenant',
  input: roleChangeInput,
  audit: ['role.granted'],
  async plan({ tx, tenant, access }, request) {
    if (request.role === 'owner') requireOwnerForOwnerRole(access, 'role.grant', 'grant the owner role');
    const found = await findMember(tx, tenant.id, request.email);
    if (!found) throw memberNotFound(tenant.slug, request.email);
    const { membership, ...member } = found;
    if (member.roles.includes(request.role)) return { unchanged: true, steps: [], data: { member, membershipId: membership.id } };
    const roles = [...member.roles, request.role].sort();
    return {
      steps: [{ action: 'grant-role', description: `Grant ${request.role} to ${member.email} in ${tenant.slug}` }],
      changes: [{ field: 'roles', from: member.roles, to: roles }],
      basis: member.roles,
      audit: { targetType: 'user', targetId: member.userId, before: { roles: member.roles }, after: { role: request.role, roles } },
      data: { member: { ...member, roles }, membershipId: membership.id },
    };
  },
  async apply({ tx, now }, { data }, request) {
    tx.create(RoleAssignment, { membership: data.membershipId, role: request.role, createdAt: now() });
  },
});
