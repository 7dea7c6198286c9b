import type { ServiceContext } from '../../context.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { tenantSlugField } from '../changes/inputs.ts';
import { membersOf } from '../memberships/member-queries.ts';
import { inTenantScope } from '../permissions/tenant-scope.ts';
import type { Role } from './roles.ts';

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
