import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import { uuidv7 } from '../../db/ids.ts';
import type { Planned, TenantOperationContext } from '../../operations/operation.ts';
import type { PlanStep } from '../../plan.ts';
import { diffValues } from '../changes/change.ts';
import { Domain } from '../domains/domain.entity.ts';
import { alreadyMember } from '../memberships/member-errors.ts';
import { findMember } from '../memberships/member-queries.ts';
import { deliverMessages, enqueueMessage, type DeliveryReport } from '../outbox/outbox.service.ts';
import { requireOwnerForOwnerRole } from '../permissions/authorize.ts';
import { limitExceeded, tenantUsage, usersBreakdown } from '../plans/usage.ts';
import type { Role } from '../roles/roles.ts';
import type { Tenant } from '../tenants/tenant.entity.ts';
import { Invitation } from './invitation.entity.ts';
import { invitationAccepted, invitationNotFound, invitationRevoked } from './invitation-errors.ts';
import { invitationMail } from './invitation-mail.ts';
import { INVITATION_DEFAULT_DAYS } from './invitation.schemas.ts';
import { generateInvitationToken, hashInvitationToken } from './invitation-token.ts';
import { toInvitationView, type InvitationView } from './invitation-view.ts';

export interface IssueRequest {
  mode: 'send' | 'resend';
  email: string;
  role?: Role | null | undefined;
  expiresDays?: number | undefined;
}

export interface IssuePlan {
  /** created: a new invitation; rotated: the pending one gets a new token and expiry. */
  action: 'created' | 'rotated';
  id: string;
  existing: Invitation | null;
  role: Role | null;
  expiresAt: Date;
  /** When it was planned: the invitation's times are counted from here. */
  at: Date;
  view: InvitationView;
}

export interface IssuedInvitation {
  action: 'created' | 'rotated';
  invitation: InvitationView;
  /** The token, only here: show it once. */
  token: string;
  messageId: string;
  delivery: DeliveryReport | null;
}

/**
 * Plans sending (or rotating) the one pending invitation of an email: who may invite an owner, not a
 * member already, and members plus pending invitations within maxUsers.
 */
export async function planIssue(
  ctx: TenantOperationContext,
  request: IssueRequest,
  operation: 'invitation.send' | 'invitation.resend',
): Promise<Planned<IssuePlan>> {
  const { tx, tenant, access } = ctx;
  const now = ctx.now();
  const existing = await tx.findOne(Invitation, { tenant: tenant.id, email: request.email, state: 'pending' });
  if (!existing && request.mode === 'resend') throw await noPendingInvitation(tx, tenant, request.email);
  const role = request.role !== undefined ? request.role : (existing?.role ?? null);
  if (role === 'owner' || existing?.role === 'owner') requireOwnerForOwnerRole(access, operation, 'invite an owner');
  if (await findMember(tx, tenant.id, request.email)) throw alreadyMember(tenant.slug, request.email);
  const usage = await tenantUsage(tx, tenant.id, now);
  const holdsSeat = existing !== null && existing.expiresAt > now;
  if (!holdsSeat && usage.users + 1 > tenant.limits.maxUsers)
    throw limitExceeded(tenant.slug, 'maxUsers', tenant.limits.maxUsers, usage.users, usersBreakdown(usage));
  const expiresAt = new Date(now.getTime() + (request.expiresDays ?? INVITATION_DEFAULT_DAYS) * 86_400_000);
  const action = existing ? 'rotated' : 'created';
  const before = existing ? { role: existing.role ?? null, expiresAt: existing.expiresAt } : {};
  const id = existing?.id ?? uuidv7();
  const draft = existing ?? tx.create(Invitation, { id, ...newFields(ctx, tenant, request.email, role, expiresAt, now) }, { persist: false });
  return {
    steps: steps(tenant, request.email, role, expiresAt, action),
    changes: diffValues(before, { role, expiresAt }),
    basis: { existing: existing?.id ?? null, users: usage.users },
    audit: {
      action: action === 'created' ? 'invitation.sent' : 'invitation.resent',
      targetType: 'invitation',
      targetId: id,
      ...(existing ? { before: { email: request.email, ...before } } : {}),
      after: { email: request.email, role, expiresAt, sendCount: existing ? existing.sendCount + 1 : 1 },
    },
    data: { action, id, existing, role, expiresAt, at: now, view: toInvitationView(draft, tenant.slug, now) },
  };
}

/** Writes the invitation with a new token (only its hash is kept) and queues its mail in the same transaction. */
export async function applyIssue(ctx: TenantOperationContext, plan: Planned<IssuePlan>, email: string): Promise<IssuedInvitation> {
  const { tx, tenant } = ctx;
  const { existing, role, expiresAt, id, action, at: now } = plan.data;
  const token = generateInvitationToken();
  const invitation = existing ?? tx.create(Invitation, { id, ...newFields(ctx, tenant, email, role, expiresAt, now) });
  if (existing) {
    existing.role = role;
    existing.expiresAt = expiresAt;
    existing.sendCount += 1;
    existing.lastSentAt = now;
    existing.invitedBy = ctx.actor.label;
  }
  invitation.tokenHash = hashInvitationToken(token);
  const primary = await tx.findOne(Domain, { tenant: tenant.id, isPrimary: true });
  const mail = invitationMail({
    tenantName: tenant.name,
    tenantSlug: tenant.slug,
    role,
    invitedBy: ctx.actor.label,
    expiresAt,
    primaryHost: primary?.hostname ?? null,
  });
  const message = enqueueMessage(ctx, tx, { tenantId: tenant.id, kind: 'invitation', recipient: email, subject: mail.subject, body: mail.body });
  return { action, invitation: toInvitationView(invitation, tenant.slug, now), token, messageId: message.id, delivery: null };
}

/** After commit: delivers the queued message with its token through the context's mailer (none: it stays pending). */
export async function deliverIssued(ctx: ServiceContext, issued: IssuedInvitation): Promise<IssuedInvitation> {
  const [delivery] = await deliverMessages(ctx.em, ctx.mailer, [{ messageId: issued.messageId, secrets: { token: issued.token } }], ctx.now);
  return { ...issued, delivery: delivery ?? null };
}

function newFields(ctx: Pick<ServiceContext, 'actor'>, tenant: Tenant, email: string, role: Role | null, expiresAt: Date, now: Date) {
  return {
    tenant,
    email,
    role,
    tokenHash: '',
    state: 'pending' as const,
    expiresAt,
    invitedBy: ctx.actor.label,
    sendCount: 1,
    lastSentAt: now,
    acceptedAt: null,
    acceptedUserId: null,
    revokedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

function steps(tenant: Tenant, email: string, role: Role | null, expiresAt: Date, action: 'created' | 'rotated'): PlanStep[] {
  const as = role ? ` with the ${role} role` : ' with no role';
  const until = expiresAt.toISOString();
  return [
    action === 'created'
      ? { action: 'create-invitation', description: `Invite ${email} to ${tenant.slug}${as}, valid until ${until}; store only the hash of a new token` }
      : {
          action: 'rotate-invitation',
          description: `Give the pending invitation of ${email} to ${tenant.slug} a new token, valid until ${until}${as}; the old token stops working`,
        },
    { action: 'enqueue-mail', description: `Write the invitation email to ${email} to the outbox, delivered after commit` },
    { action: 'audit', description: 'Record the audit event' },
  ];
}

/** Why there is nothing to resend: the latest invitation was accepted or revoked, or there is none. */
async function noPendingInvitation(tx: SqlEntityManager, tenant: Tenant, email: string) {
  const latest = await tx.findOne(Invitation, { tenant: tenant.id, email }, { orderBy: { createdAt: 'desc' } });
  if (latest?.state === 'accepted') return invitationAccepted(email, tenant.slug);
  if (latest?.state === 'revoked') return invitationRevoked(email, tenant.slug);
  return invitationNotFound(`for ${email} in ${tenant.slug}`, { slug: tenant.slug, email });
}
