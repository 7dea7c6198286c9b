import { defineOperation } from '../../operations/operation.ts';
import { requireOwnerForOwnerRole } from '../permissions/authorize.ts';
import { lastOwner, memberNotFound } from './member-errors.ts';
import { countOwners, findMember } from './member-queries.ts';
import { Membership } from './membership.entity.ts';
import { memberRefInput } from './members.service.ts';

/**
 * Removes a member and their roles from a tenant (the user account stays: it may belong to other
 * tenants). The last owner cannot be removed; only an owner may remove an owner.
 */
export const removeMember = defineOperation({
  id: 'member.remove',
  summary: 'Removes a member and their roles from a tenant; their account stays.',
  scope: 'tenant',
  input: memberRefInput,
  audit: ['membership.removed'],
  async plan({ tx, tenant, access }, request) {
    const found = await findMember(tx, tenant.id, request.email);
    if (!found) throw memberNotFound(tenant.slug, request.email);
    const { membership, ...member } = found;
    if (member.roles.includes('owner')) {
      requireOwnerForOwnerRole(access, 'member.remove', 'remove an owner');
      if ((await countOwners(tx, tenant.id)) <= 1) throw lastOwner(tenant.slug, member.email, 'removing them');
    }
    const held = member.roles.length > 0 ? ` and their roles (${member.roles.join(', ')})` : '';
    return {
      steps: [{ action: 'remove-membership', description: `Remove ${member.email} from ${tenant.slug}${held}; their user account stays` }],
      changes: [{ field: 'member', from: member.email, to: null }],
      basis: member.roles,
      audit: { targetType: 'user', targetId: member.userId, before: { email: member.email, roles: member.roles } },
      data: { member, membershipId: membership.id },
    };
  },
  async apply({ tx }, { data }) {
    await tx.nativeDelete(Membership, { id: data.membershipId });
  },
});
