import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import type { PlanStep } from '../../plan.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { diffValues, type ChangeOutcome } from '../changes/change.ts';
import { Domain } from '../domains/domain.entity.ts';
import { alreadyMember } from '../memberships/member-errors.ts';
import { findMember } from '../memberships/member-queries.ts';
import type { Mailer } from '../outbox/mailer.ts';
import { deliverMessages, enqueueMessage, type DeliveryReport } from '../outbox/outbox.service.ts';
import { requireOwnerForOwnerRole } from '../permissions/authorize.ts';
import { inTenantScope } from '../permissions/tenant-scope.ts';
import { limitExceeded, tenantUsage, usersBreakdown } from '../plans/usage.ts';
import type { Role } from '../roles/roles.ts';
import type { Tenant } from '../tenants/tenant.entity.ts';
import { Invitation } from './invitation.entity.ts';
import { invitationAccepted, invitationNotFound, invitationRevoked } from './invitation-errors.ts';
import { invitationMail } from './invitation-mail.ts';
import { INVITATION_DEFAULT_DAYS, resendInvitationInput, sendInvitationInput, type ResendInvitationInput, type SendInvitationInput } from './invitation.schemas.ts';
import { generateInvitationToken, hashInvitationToken } from './invitation-token.ts';
import { toInvitationView, type InvitationView } from './invitation-view.ts';

export interface SendInvitationOptions {
  dryRun?: boolean;
  /** Delivers the message after commit; without one it stays pending in the outbox. */
  mailer?: Mailer;
}

export interface InvitationOutcome extends ChangeOutcome {
  /** created: a new invitation; rotated: the pending one got a new token and expiry. */
  action: 'created' | 'rotated';
  invitation: InvitationView;
  /** The token, only here and only when applied: show it once. */
  token?: string;
  delivery: DeliveryReport | null;
}

/**
 * Invites an email to a tenant. One pending invitation per tenant and email: sending again rotates its
 * token and expiry (and role, when given). Members plus pending invitations may not exceed maxUsers.
 * The message is written to the outbox in the same transaction and delivered after commit.
 */
export async function sendInvitation(ctx: ServiceContext, input: SendInvitationInput, options: SendInvitationOptions = {}): Promise<InvitationOutcome> {
  const request = parseInput(sendInvitationInput, input);
  return issue(ctx, { ...request, mode: 'send' }, options);
}

/** Sends the pending invitation of an email again with a new token and expiry. */
export async function resendInvitation(ctx: ServiceContext, input: ResendInvitationInput, options: SendInvitationOptions = {}): Promise<InvitationOutcome> {
  const request = parseInput(resendInvitationInput, input);
  return issue(ctx, { ...request, mode: 'resend' }, options);
}

interface IssueRequest {
  mode: 'send' | 'resend';
  slug: string;
  email: string;
  role?: Role | null | undefined;
  expiresDays?: number | undefined;
}

async function issue(ctx: ServiceContext, request: IssueRequest, options: SendInvitationOptions): Promise<InvitationOutcome> {
  const token = generateInvitationToken();
  const operation = request.mode === 'send' ? 'invitation.send' : 'invitation.resend';
  const prepared = await inTenantScope(ctx, request.slug, operation, async ({ tx, tenant, access }) => {
    const now = ctx.now();
    const existing = await tx.findOne(Invitation, { tenant: tenant.id, email: request.email, state: 'pending' });
    if (!existing && request.mode === 'resend') throw await noPendingInvitation(tx, tenant, request.email);
    const role = request.role !== undefined ? request.role : (existing?.role ?? null);
    if (role === 'owner' || existing?.role === 'owner') requireOwnerForOwnerRole(access, operation, 'invite an owner');
    if (await findMember(tx, tenant.id, request.email)) throw alreadyMember(tenant.slug, request.email);
    const usage = await tenantUsage(tx, tenant.id, now);
    const holdsSeat = existing !== null && existing.expiresAt > now;
    if (!holdsSeat && usage.users + 1 > tenant.limits.maxUsers) {
      throw limitExceeded(tenant.slug, 'maxUsers', tenant.limits.maxUsers, usage.users, usersBreakdown(usage));
    }
    const expiresAt = new Date(now.getTime() + (request.expiresDays ?? INVITATION_DEFAULT_DAYS) * 86_400_000);
    const action: InvitationOutcome['action'] = existing ? 'rotated' : 'created';
    const before = existing ? { role: existing.role ?? null, expiresAt: existing.expiresAt } : {};
    const changes = diffValues(before, { role, expiresAt });
    const steps = planSteps(tenant, request.email, role, expiresAt, action);
    if (options.dryRun) {
      const draft = existing ?? tx.create(Invitation, draftFields(tenant, request.email, role, expiresAt, ctx, now), { persist: false });
      return { action, changes, steps, invitation: toInvitationView(draft, tenant.slug, now), messageId: null };
    }
    const invitation = existing ?? tx.create(Invitation, draftFields(tenant, request.email, role, expiresAt, ctx, now));
    if (existing) {
      existing.role = role;
      existing.expiresAt = expiresAt;
      existing.sendCount += 1;
      existing.lastSentAt = now;
      existing.invitedBy = ctx.actor.label;
    }
    invitation.tokenHash = hashInvitationToken(token);
    const primary = await tx.findOne(Domain, { tenant: tenant.id, isPrimary: true });
    const mail = invitationMail({ tenantName: tenant.name, tenantSlug: tenant.slug, role, invitedBy: ctx.actor.label, expiresAt, primaryHost: primary?.hostname ?? null });
    const message = enqueueMessage(ctx, tx, { tenantId: tenant.id, kind: 'invitation', recipient: request.email, subject: mail.subject, body: mail.body });
    recordAudit(ctx, tx, {
      action: action === 'created' ? 'invitation.sent' : 'invitation.resent',
      tenant: { id: tenant.id, slug: tenant.slug },
      targetType: 'invitation',
      targetId: invitation.id,
      ...(existing ? { before: { email: request.email, ...before } } : {}),
      after: { email: request.email, role, expiresAt, sendCount: invitation.sendCount },
    });
    await tx.flush();
    return { action, changes, steps, invitation: toInvitationView(invitation, tenant.slug, now), messageId: message.id };
  });
  const base = { result: options.dryRun ? ('planned' as const) : ('applied' as const), action: prepared.action, steps: prepared.steps, changes: prepared.changes, invitation: prepared.invitation };
  if (prepared.messageId === null) return { ...base, delivery: null };
  const [delivery] = await deliverMessages(ctx.em.fork(), options.mailer, [{ messageId: prepared.messageId, secrets: { token } }], ctx.now);
  return { ...base, token, delivery: delivery ?? null };
}

function draftFields(tenant: Tenant, email: string, role: Role | null, expiresAt: Date, ctx: ServiceContext, now: Date) {
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

function planSteps(tenant: Tenant, email: string, role: Role | null, expiresAt: Date, action: 'created' | 'rotated'): PlanStep[] {
  const as = role ? ` with the ${role} role` : ' with no role';
  const until = expiresAt.toISOString();
  return [
    action === 'created'
      ? { action: 'create-invitation', description: `Invite ${email} to ${tenant.slug}${as}, valid until ${until}; store only the hash of a new token` }
      : { action: 'rotate-invitation', description: `Give the pending invitation of ${email} to ${tenant.slug} a new token, valid until ${until}${as}; the old token stops working` },
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
