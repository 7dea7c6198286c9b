import { TenantryError } from '../../errors.ts';
import { recordAudit } from '../../modules/audit/audit.service.ts';
import { RoleAssignment } from '../../modules/roles/role-assignment.entity.ts';
import { Membership } from '../../modules/memberships/membership.entity.ts';
import type { ServiceContext } from '../../context.ts';
import type { Finding, Repair } from '../types.ts';

interface Candidate {
  membership_id: string;
  email: string;
  is_admin: boolean;
}

/** The longest-standing admin, else the longest-standing member. */
async function ownerCandidate(ctx: ServiceContext, finding: Finding): Promise<Candidate> {
  const [candidate] = await ctx.em.execute<Candidate[]>(
    `select m.id as membership_id, u.email,
            exists (select 1 from tenantry.role_assignments r where r.membership_id = m.id and r.role = 'admin') as is_admin
       from tenantry.memberships m join tenantry.users u on u.id = m.user_id
      where m.tenant_id = ?
      order by is_admin desc, m.created_at, u.email
      limit 1`,
    [finding.tenant?.id],
  );
  if (!candidate) {
    throw new TenantryError('PRECONDITION_FAILED', {
      message: `${finding.tenant?.slug ?? 'The tenant'} has no member who could become its owner.`,
      hint: 'Invite an owner: `tenantry invite send <slug> <email> --role owner`.',
    });
  }
  return candidate;
}

export const grantOwnerRepair: Repair = {
  async plan(ctx, finding) {
    const candidate = await ownerCandidate(ctx, finding);
    return {
      destructive: false,
      confirmText: null,
      steps: [
        {
          action: 'grant-role',
          description: `Grant the owner role to ${candidate.email}, the longest-standing ${candidate.is_admin ? 'admin' : 'member'} of ${finding.tenant?.slug ?? ''}`,
          sql: [`insert into tenantry.role_assignments (id, membership_id, role, created_at) values (<new id>, '${candidate.membership_id}', 'owner', now())`],
        },
      ],
    };
  },
  async apply(ctx, finding) {
    const candidate = await ownerCandidate(ctx, finding);
    const membership = ctx.em.getReference(Membership, candidate.membership_id);
    ctx.em.create(RoleAssignment, { membership, role: 'owner', createdAt: ctx.now() });
    if (finding.tenant) {
      recordAudit(ctx, ctx.em, { action: 'role.granted', tenant: finding.tenant, targetType: 'user', targetId: candidate.email, after: { role: 'owner', email: candidate.email, repair: finding.code } });
    }
    await ctx.em.flush();
  },
};
