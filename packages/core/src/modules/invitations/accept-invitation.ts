import { LockMode } from '@mikro-orm/core';
import type { ServiceContext } from '../../context.ts';
import { TenantryError } from '../../errors.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { alreadyMember } from '../memberships/member-errors.ts';
import { findMember } from '../memberships/member-queries.ts';
import { Membership } from '../memberships/membership.entity.ts';
import { pendingDeletion, tenantPurged, tenantSuspended } from '../permissions/tenant-scope.ts';
import { RoleAssignment } from '../roles/role-assignment.entity.ts';
import type { Role } from '../roles/roles.ts';
import { Tenant } from '../tenants/tenant.entity.ts';
import { describePasswordProblems, passwordProblems } from '../users/password-policy.ts';
import { hashPassword, verifyPassword } from '../users/password.ts';
import { User } from '../users/user.entity.ts';
import { Invitation } from './invitation.entity.ts';
import { invalidCredentials, invitationAccepted, invitationExpired, invitationNotFound, invitationRevoked } from './invitation-errors.ts';
import { acceptInvitationInput, type AcceptInvitationInput } from './invitation.schemas.ts';
import { hashInvitationToken, looksLikeInvitationToken } from './invitation-token.ts';

export interface AcceptOutcome {
  tenantSlug: string;
  userId: string;
  email: string;
  role: Role | null;
  /** true when an existing account was linked instead of created. */
  existingUser: boolean;
  /** Set when the existing account's password does not meet this tenant's policy. */
  mustChangePassword: boolean;
}

/**
 * Accepts an invitation by its token: creates the user with a password that meets the tenant's policy
 * (or links an existing account, whose password must be given), makes them a member with the invited
 * role, and marks the invitation accepted. The token is the credential: no actor permission is needed.
 */
export async function acceptInvitation(ctx: ServiceContext, input: AcceptInvitationInput): Promise<AcceptOutcome> {
  const request = parseInput(acceptInvitationInput, input);
  if (!looksLikeInvitationToken(request.token)) throw invitationNotFound('has this token', {});
  const tokenHash = hashInvitationToken(request.token);
  const found = await ctx.em.fork().findOne(Invitation, { tokenHash }, { populate: ['tenant'] });
  if (!found) throw invitationNotFound('has this token', {});
  const tenant = found.tenant;
  refuseState(found, tenant.slug, ctx.now());
  const existing = await ctx.em.fork().findOne(User, { email: found.email }, { populate: ['passwordHash'] });
  const policy = tenant.securityPolicy.password;
  const problems = passwordProblems(policy, request.password);
  // scrypt is slow on purpose: hash or verify before the transaction opens.
  let passwordHash: string | null = null;
  if (existing) {
    if (!existing.passwordHash || !(await verifyPassword(request.password, existing.passwordHash))) throw invalidCredentials(found.email);
  } else {
    if (problems.length > 0) throw TenantryError.invalidInput([{ path: 'password', message: `${describePasswordProblems(problems)} (the password policy of ${tenant.slug})` }]);
    passwordHash = await hashPassword(request.password);
  }
  return ctx.em.fork().transactional(async (tx) => {
    const now = ctx.now();
    const locked = await tx.findOneOrFail(Tenant, tenant.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (locked.status === 'suspended') throw tenantSuspended(locked);
    if (locked.status === 'pending_deletion') throw pendingDeletion(locked);
    if (locked.status === 'deleted') throw tenantPurged(locked);
    const invitation = await tx.findOne(Invitation, { tokenHash }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!invitation) throw invitationNotFound('has this token', {});
    refuseState(invitation, locked.slug, now);
    if (await findMember(tx, locked.id, invitation.email)) throw alreadyMember(locked.slug, invitation.email);
    const user = existing
      ? await tx.findOneOrFail(User, existing.id)
      : tx.create(User, { email: invitation.email, name: request.name ?? null, passwordHash, mustChangePassword: false, createdAt: now, updatedAt: now });
    const mustChangePassword = existing !== null && problems.length > 0;
    if (mustChangePassword) user.mustChangePassword = true;
    const membership = tx.create(Membership, { tenant: locked, user, createdAt: now });
    if (invitation.role) tx.create(RoleAssignment, { membership, role: invitation.role, createdAt: now });
    invitation.state = 'accepted';
    invitation.acceptedAt = now;
    invitation.acceptedUserId = user.id;
    const scope = { id: locked.id, slug: locked.slug };
    if (existing) {
      recordAudit(ctx, tx, { action: 'user.linked', tenant: scope, targetType: 'user', targetId: user.id, after: { email: user.email, mustChangePassword } });
    } else {
      recordAudit(ctx, tx, { action: 'user.created', tenant: scope, targetType: 'user', targetId: user.id, after: { email: user.email, name: user.name, password: 'given' } });
    }
    recordAudit(ctx, tx, { action: 'membership.created', tenant: scope, targetType: 'user', targetId: user.id, after: { email: user.email, via: 'invitation' } });
    if (invitation.role) recordAudit(ctx, tx, { action: 'role.granted', tenant: scope, targetType: 'user', targetId: user.id, after: { role: invitation.role, roles: [invitation.role] } });
    recordAudit(ctx, tx, { action: 'invitation.accepted', tenant: scope, targetType: 'invitation', targetId: invitation.id, before: { state: 'pending' }, after: { state: 'accepted', email: invitation.email, userId: user.id } });
    await tx.flush();
    return { tenantSlug: locked.slug, userId: user.id, email: user.email, role: invitation.role ?? null, existingUser: existing !== null, mustChangePassword };
  });
}

function refuseState(invitation: Invitation, slug: string, now: Date): void {
  if (invitation.state === 'accepted') throw invitationAccepted(invitation.email, slug);
  if (invitation.state === 'revoked') throw invitationRevoked(invitation.email, slug);
  if (invitation.state === 'expired' || invitation.expiresAt.getTime() <= now.getTime()) throw invitationExpired(invitation.email, slug, invitation.expiresAt);
}
