import { LockMode } from '@mikro-orm/core';
import { TenantryError } from '../../errors.ts';
import { defineOperation } from '../../operations/operation.ts';
import { alreadyMember } from '../memberships/member-errors.ts';
import { findMember } from '../memberships/member-queries.ts';
import { Membership } from '../memberships/membership.entity.ts';
import { pendingDeletion, tenantPurged, tenantSuspended } from '../permissions/tenant-scope.ts';
import { RoleAssignment } from '../roles/role-assignment.entity.ts';
import type { Role } from '../roles/roles.ts';
import { Tenant } from '../tenants/tenant.entity.ts';
import { describePasswordProblems, passwordProblems } from '../users/password-policy.ts';
import { passwordMatches } from '../users/credentials.ts';
import { hashPassword } from '../users/password.ts';
import { countFailedSignIn } from '../users/sign-in-failures.ts';
import { refuseGuardedAttempt } from '../users/sign-in-guard.ts';
import { User } from '../users/user.entity.ts';
import { Invitation } from './invitation.entity.ts';
import { invalidCredentials, invitationAccepted, invitationExpired, invitationNotFound, invitationRevoked } from './invitation-errors.ts';
import { acceptInvitationInput } from './invitation.schemas.ts';
import { hashInvitationToken, looksLikeInvitationToken } from './invitation-token.ts';

export interface AcceptOutcome {
  tenantSlug: string;
  userId: string | null;
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
export const acceptInvitation = defineOperation({
  id: 'invitation.accept',
  summary: 'Accepts an invitation by its token: creates or links the user and makes them a member.',
  scope: 'credential',
  input: acceptInvitationInput,
  audit: ['invitation.accepted'],
  secretFields: ['token', 'password'],
  async plan({ tx, now }, request) {
    if (!looksLikeInvitationToken(request.token)) throw invitationNotFound('has this token', {});
    const invitation = await tx.findOne(Invitation, { tokenHash: hashInvitationToken(request.token) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!invitation) throw invitationNotFound('has this token', {});
    const tenant = await tx.findOneOrFail(Tenant, invitation.tenant.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    refuseState(invitation, tenant.slug, now());
    if (tenant.status === 'suspended') throw tenantSuspended(tenant);
    if (tenant.status === 'pending_deletion') throw pendingDeletion(tenant);
    if (tenant.status === 'deleted') throw tenantPurged(tenant);
    if (await findMember(tx, tenant.id, invitation.email)) throw alreadyMember(tenant.slug, invitation.email);
    const existing = await tx.findOne(User, { email: invitation.email }, { populate: ['passwordHash'] });
    // Linking an account checks its password: a guess here is guarded and counted like one at sign-in.
    if (existing) refuseGuardedAttempt(existing, now());
    const problems = passwordProblems(tenant.securityPolicy.password, request.password);
    if (existing && !(await passwordMatches(existing.passwordHash, request.password))) throw invalidCredentials(invitation.email);
    if (!existing && problems.length > 0) {
      throw TenantryError.invalidInput([{ path: 'password', message: `${describePasswordProblems(problems)} (the password policy of ${tenant.slug})` }]);
    }
    const role = invitation.role ?? null;
    const outcome: AcceptOutcome = {
      tenantSlug: tenant.slug,
      userId: existing?.id ?? null,
      email: invitation.email,
      role,
      existingUser: existing !== null,
      mustChangePassword: existing !== null && problems.length > 0,
    };
    return {
      steps: [
        existing
          ? { action: 'link-user', description: `Link the existing account ${invitation.email} (its password is unchanged)` }
          : { action: 'create-user', description: `Create the account ${invitation.email} with the given password` },
        { action: 'create-membership', description: `Make ${invitation.email} a member of ${tenant.slug}${role ? ` with the ${role} role` : ' with no role'}` },
        { action: 'accept-invitation', description: 'Mark the invitation accepted; its token stops working' },
      ],
      basis: { invitation: invitation.id, state: invitation.state, existingUser: existing?.id ?? null },
      audit: {
        tenant: { id: tenant.id, slug: tenant.slug },
        targetType: 'invitation',
        targetId: invitation.id,
        before: { state: 'pending' },
        after: { state: 'accepted', email: invitation.email },
      },
      data: { invitation, tenant, existing, outcome },
    };
  },
  async apply(ctx, plan, request) {
    const { tx } = ctx;
    const { invitation, tenant, existing, outcome } = plan.data;
    const at = ctx.now();
    const user =
      existing ??
      tx.create(User, {
        email: invitation.email,
        name: request.name ?? null,
        passwordHash: await hashPassword(request.password),
        mustChangePassword: false,
        createdAt: at,
        updatedAt: at,
      });
    if (outcome.mustChangePassword) user.mustChangePassword = true;
    const membership = tx.create(Membership, { tenant, user, createdAt: at });
    if (invitation.role) tx.create(RoleAssignment, { membership, role: invitation.role, createdAt: at });
    invitation.state = 'accepted';
    invitation.acceptedAt = at;
    invitation.acceptedUserId = user.id;
    const scope = { id: tenant.id, slug: tenant.slug };
    ctx.record(
      existing
        ? {
            action: 'user.linked',
            tenant: scope,
            targetType: 'user',
            targetId: user.id,
            after: { email: user.email, mustChangePassword: outcome.mustChangePassword },
          }
        : { action: 'user.created', tenant: scope, targetType: 'user', targetId: user.id, after: { email: user.email, name: user.name, password: 'given' } },
    );
    ctx.record({ action: 'membership.created', tenant: scope, targetType: 'user', targetId: user.id, after: { email: user.email, via: 'invitation' } });
    if (invitation.role)
      ctx.record({ action: 'role.granted', tenant: scope, targetType: 'user', targetId: user.id, after: { role: invitation.role, roles: [invitation.role] } });
    if (plan.audit?.after) plan.audit.after.userId = user.id;
    return { ...outcome, userId: user.id };
  },
  async afterRefusal(ctx, error) {
    const email = error.details.email;
    if (error.code === 'INVALID_CREDENTIALS' && typeof email === 'string') await countFailedSignIn(ctx, email, 'password');
  },
});

function refuseState(invitation: Invitation, slug: string, now: Date): void {
  if (invitation.state === 'accepted') throw invitationAccepted(invitation.email, slug);
  if (invitation.state === 'revoked') throw invitationRevoked(invitation.email, slug);
  if (invitation.state === 'expired' || invitation.expiresAt.getTime() <= now.getTime()) throw invitationExpired(invitation.email, slug, invitation.expiresAt);
}
