import { TenantryError } from '../../errors.ts';
import { grantRole } from '../../modules/roles/grant-role.operation.ts';
import { repairVia } from './repair-via.ts';

/** Grants the owner role to the longest-standing admin, else the longest-standing member. */
export const grantOwnerRepair = repairVia(grantRole, async (ctx, finding) => {
  const [candidate] = await ctx.em.execute<{ email: string }[]>(
    `select u.email
       from tenantry.memberships m join tenantry.users u on u.id = m.user_id
      where m.tenant_id = ?
      order by exists (select 1 from tenantry.role_assignments r where r.membership_id = m.id and r.role = 'admin') desc, m.created_at, u.email
      limit 1`,
    [finding.tenant?.id],
  );
  if (!candidate) {
    throw new TenantryError('PRECONDITION_FAILED', {
      message: `${finding.tenant?.slug ?? 'The tenant'} has no member who could become its owner.`,
      hint: 'Invite an owner: `tenantry invite send <slug> <email> --role owner`.',
    });
  }
  return { slug: finding.tenant?.slug ?? '', email: candidate.email, role: 'owner' as const };
});
