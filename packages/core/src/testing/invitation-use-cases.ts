import type { ServiceContext } from '../context.ts';
import { acceptInvitation as acceptOp } from '../modules/invitations/accept-invitation.operation.ts';
import { resendInvitation as resendOp } from '../modules/invitations/resend-invitation.operation.ts';
import { revokeInvitation as revokeOp } from '../modules/invitations/revoke-invitation.operation.ts';
import { sendInvitation as sendOp } from '../modules/invitations/send-invitation.operation.ts';
import type { AcceptInvitationInput, ResendInvitationInput, RevokeInvitationInput, SendInvitationInput } from '../modules/invitations/invitation.schemas.ts';
import type { Mailer } from '../modules/outbox/mailer.ts';
import { executeOperation } from '../operations/execute.ts';
import type { RunOptions } from '../operations/operation.ts';

type Options = RunOptions & { mailer?: Mailer };

/** The invitation operations as `(ctx, input, options)` functions: the invitation as planned or sent, the token once. */
export async function sendInvitation(ctx: ServiceContext, input: SendInvitationInput, options: Options = {}) {
  return issued(await executeOperation(withMailer(ctx, options), sendOp, input, options));
}

export async function resendInvitation(ctx: ServiceContext, input: ResendInvitationInput, options: Options = {}) {
  return issued(await executeOperation(withMailer(ctx, options), resendOp, input, options));
}

export async function revokeInvitation(ctx: ServiceContext, input: RevokeInvitationInput, options: RunOptions = {}) {
  const executed = await executeOperation(ctx, revokeOp, input, options);
  return { ...executed, invitation: executed.value ?? executed.data.view };
}

export { listInvitations } from '../modules/invitations/invitation-queries.ts';

function withMailer(ctx: ServiceContext, options: Options): ServiceContext {
  return options.mailer ? { ...ctx, mailer: options.mailer } : ctx;
}

function issued(
  executed: Awaited<
    ReturnType<typeof executeOperation<typeof sendOp.input, Awaited<ReturnType<typeof sendOp.plan>>['data'], Awaited<ReturnType<typeof sendOp.apply>>>>
  >,
) {
  const value = executed.value;
  return {
    ...executed,
    action: executed.data.action,
    invitation: value?.invitation ?? executed.data.view,
    delivery: value?.delivery ?? null,
    ...(value ? { token: value.token } : {}),
  };
}

export async function acceptInvitation(ctx: ServiceContext, input: AcceptInvitationInput, options: RunOptions = {}) {
  const executed = await executeOperation(ctx, acceptOp, input, options);
  return { ...executed, ...(executed.value ?? executed.data.outcome) };
}
