import { z } from 'zod';
import type { ServiceContext } from '../../context.ts';
import { emailAddress } from '../../validation/fields.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { ChangeOutcome } from '../changes/change.ts';
import { tenantSlugField, type ChangeOptions } from '../changes/inputs.ts';
import { requireOwnerForOwnerRole } from '../permissions/authorize.ts';
import { inTenantScope } from '../permissions/tenant-scope.ts';
import { lastOwner, memberNotFound } from './member-errors.ts';
import { countOwners, findMember, membersOf, type MemberView } from './member-queries.ts';
import { Membership } from './membership.entity.ts';

export const memberRefInput = z.strictObject({ slug: tenantSlugField, email: emailAddress });
export type MemberRefInput = z.input<typeof memberRefInput>;

/** The members of a tenant with their roles. */
export async function listMembers(ctx: ServiceContext, slug: string): Promise<MemberView[]> {
  const tenantSlug = parseInput(tenantSlugField, slug);
  return inTenantScope(ctx, tenantSlug, 'member.list', ({ tx, tenant }) => membersOf(tx, tenant.id));
}

export interface RemoveMemberOutcome extends ChangeOutcome {
  member: MemberView;
}

/**
 * Removes a member and their roles from a tenant (the user account stays: it may belong to other
 * tenants). The last owner cannot be removed; only an owner may remove an owner.
 */
export async function removeMember(ctx: ServiceContext, input: MemberRefInput, options: ChangeOptions = {}): Promise<RemoveMemberOutcome> {
  const request = parseInput(memberRefInput, input);
  return inTenantScope(ctx, request.slug, 'member.remove', async ({ tx, tenant, access }) => {
    const found = await findMember(tx, tenant.id, request.email);
    if (!found) throw memberNotFound(tenant.slug, request.email);
    const { membership, ...member } = found;
    if (member.roles.includes('owner')) {
      requireOwnerForOwnerRole(access, 'member.remove', 'remove an owner');
      if ((await countOwners(tx, tenant.id)) <= 1) throw lastOwner(tenant.slug, member.email, 'removing them');
    }
    const held = member.roles.length > 0 ? ` and their roles (${member.roles.join(', ')})` : '';
    const steps = [{ action: 'remove-membership', description: `Remove ${member.email} from ${tenant.slug}${held}; their user account stays` }];
    if (options.dryRun) return { result: 'planned', steps, changes: [], member };
    await tx.nativeDelete(Membership, { id: membership.id });
    recordAudit(ctx, tx, {
      action: 'membership.removed',
      tenant: { id: tenant.id, slug: tenant.slug },
      targetType: 'user',
      targetId: member.userId,
      before: { email: member.email, roles: member.roles },
    });
    await tx.flush();
    return { result: 'applied', steps, changes: [{ field: 'member', from: member.email, to: null }], member };
  });
}
