import {
  acceptInvitation,
  listInvitations,
  resendInvitation,
  revokeInvitation,
  sendInvitation,
  type AcceptInvitationInput,
  type Executed,
  type IssuedInvitation,
  type InvitationView,
  type ListInvitationsInput,
  type ResendInvitationInput,
  type RevokeInvitationInput,
  type SendInvitationInput,
} from '@tenantry/core';
import { toChangeDto } from '../dto/change.ts';
import { toInvitationDto, type AcceptedInvitationDto, type InvitationDto, type InvitationResultDto, type RevokedInvitationDto } from '../dto/invitations.ts';
import type { ClientRuntime } from '../runtime.ts';
import type { OperationOptions } from '../operation-options.ts';

/**
 * Invitations to join a tenant: tokens shown once, stored hashed, mailed through the client's mailer.
 *
 * @example
 * ```ts
 * const { invitation } = await tenantry.invitations.send({ slug: 'acme-corp', email: 'dev@acme.com', role: 'viewer' });
 * const pending = await tenantry.invitations.list({ slug: 'acme-corp', state: 'pending' });
 * ```
 */
export class Invitations {
  readonly #runtime: ClientRuntime;

  constructor(runtime: ClientRuntime) {
    this.#runtime = runtime;
  }

  /**
   * Invites an email (role optional; expiry 1-30 days, default 7). Sending again to a pending
   * invitation rotates its token and expiry. Returns `invitation.token` once. LIMIT_EXCEEDED when
   * members plus pending invitations would pass maxUsers.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `ALREADY_MEMBER`, `LIMIT_EXCEEDED`, `TENANT_SUSPENDED`; and, like every method, a database code (see `TenantryClient`)
   */
  async send(input: SendInvitationInput, options: OperationOptions = {}): Promise<InvitationResultDto> {
    return toResult(await this.#runtime.execute(sendInvitation, input, options));
  }

  /**
   * Sends the pending invitation of an email again with a new token and expiry.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `INVITATION_NOT_FOUND`; and, like every method, a database code (see `TenantryClient`)
   */
  async resend(input: ResendInvitationInput, options: OperationOptions = {}): Promise<InvitationResultDto> {
    return toResult(await this.#runtime.execute(resendInvitation, input, options));
  }

  /**
   * Revokes the pending invitation of an email.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `INVITATION_NOT_FOUND`; and, like every method, a database code (see `TenantryClient`)
   */
  async revoke(input: RevokeInvitationInput, options: OperationOptions = {}): Promise<RevokedInvitationDto> {
    const executed = await this.#runtime.execute(revokeInvitation, input, options);
    return { ...toChangeDto(executed), invitation: toInvitationDto(executed.value ?? executed.data.view) };
  }

  /**
   * Accepts by token: creates the user (password under the tenant's policy) or links an existing one
   * (its password required), with the invited role. Distinct codes for unknown, expired, revoked and
   * already accepted tokens. A dry run checks all of it (the password too) and writes nothing.
   *
   * @throws {@link TenantryError} `INVALID_INPUT`, `INVITATION_NOT_FOUND`, `INVITATION_EXPIRED`, `INVITATION_REVOKED`, `INVITATION_ALREADY_ACCEPTED`, `INVALID_CREDENTIALS`, `LIMIT_EXCEEDED`; and, like every method, a database code (see `TenantryClient`)
   */
  async accept(input: AcceptInvitationInput, options: OperationOptions = {}): Promise<AcceptedInvitationDto> {
    const executed = await this.#runtime.execute(acceptInvitation, input, options);
    return { ...toChangeDto(executed), ...(executed.value ?? executed.data.outcome) };
  }

  /**
   * A tenant's invitations, newest first, optionally in one state.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`; and, like every method, a database code (see `TenantryClient`)
   */
  async list(input: ListInvitationsInput): Promise<InvitationDto[]> {
    return this.#runtime.run(async (ctx) => (await listInvitations(ctx, input)).map(toInvitationDto));
  }
}

/** The invitation as planned or sent; its token only when sent, once. */
function toResult(executed: Executed<{ action: 'created' | 'rotated'; view: InvitationView }, IssuedInvitation>): InvitationResultDto {
  const sent = executed.value;
  return {
    ...toChangeDto(executed),
    action: executed.data.action,
    invitation: { ...toInvitationDto(sent?.invitation ?? executed.data.view), ...(sent ? { token: sent.token } : {}) },
    delivery: sent?.delivery ?? null,
  };
}
