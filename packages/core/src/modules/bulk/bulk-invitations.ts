import type { ServiceContext } from '../../context.ts';
import { TenantryError } from '../../errors.ts';
import { executeOperation } from '../../operations/execute.ts';
import { sendInvitation } from '../invitations/send-invitation.operation.ts';
import type { Mailer } from '../outbox/mailer.ts';
import type { Role } from '../roles/roles.ts';
import type { PlanStep } from '../../plan.ts';
import type { BulkInvitation } from './bulk-row.schemas.ts';

export interface InvitationReport {
  email: string;
  role: Role | null;
  /** sent now; exists: a member already, or an invitation is pending or accepted (a re-run sends nothing twice). */
  outcome: 'sent' | 'exists' | 'failed';
  /** Sent now: the invitation's token, only in this report (shown once, like a one-time password). */
  token?: string;
  code?: string;
  message?: string;
}

/**
 * Invites a bulk row's users (the seeds' `users` other than the owner) once the tenant exists, through
 * the invitation service (limits, mail after commit, audit). Emails that are members, or have a pending
 * or accepted invitation, are skipped, so re-running a file invites exactly who is missing.
 */
export async function inviteUsers(
  ctx: ServiceContext,
  slug: string,
  invitations: readonly BulkInvitation[],
  mailer: Mailer | undefined,
): Promise<InvitationReport[]> {
  if (invitations.length === 0) return [];
  const done = await presentEmails(ctx, slug);
  const reports: InvitationReport[] = [];
  for (const invitation of invitations) {
    const role = invitation.role ?? null;
    if (done.has(invitation.email)) {
      reports.push({ email: invitation.email, role, outcome: 'exists' });
      continue;
    }
    try {
      const sent = await executeOperation(mailer ? { ...ctx, mailer } : ctx, sendInvitation, { slug, email: invitation.email, ...(role ? { role } : {}) });
      reports.push({ email: invitation.email, role, outcome: 'sent', ...(sent.value ? { token: sent.value.token } : {}) });
    } catch (error) {
      const failure = error instanceof TenantryError ? error : TenantryError.internal(error);
      reports.push({ email: invitation.email, role, outcome: 'failed', code: failure.code, message: failure.message });
    }
    done.add(invitation.email);
  }
  return reports;
}

/** Emails that are members of the tenant or have a pending or accepted invitation to it. */
async function presentEmails(ctx: ServiceContext, slug: string): Promise<Set<string>> {
  const present = await ctx.em.fork().execute<{ email: string }[]>(
    `select lower(u.email) as email from tenantry.memberships m join tenantry.users u on u.id = m.user_id join tenantry.tenants t on t.id = m.tenant_id where t.slug = ?
     union
     select lower(i.email) from tenantry.invitations i join tenantry.tenants t on t.id = i.tenant_id where t.slug = ? and i.state in ('pending', 'accepted')`,
    [slug, slug],
  );
  return new Set(present.map((row) => row.email));
}

/** The dry run of `inviteUsers`: a step for each invitation it would send (the ones present are left out). */
export async function invitationSteps(ctx: ServiceContext, slug: string, invitations: readonly BulkInvitation[]): Promise<PlanStep[]> {
  if (invitations.length === 0) return [];
  const done = await presentEmails(ctx, slug);
  const steps: PlanStep[] = [];
  for (const invitation of invitations) {
    if (done.has(invitation.email)) continue;
    done.add(invitation.email);
    steps.push({
      action: 'send-invitation',
      description: `Invite ${invitation.email} to ${slug}${invitation.role ? ` as ${invitation.role}` : ''}: the message is queued and delivered after commit`,
    });
  }
  return steps;
}
