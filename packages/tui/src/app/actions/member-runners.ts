import type { Role } from '@tenantry/sdk';
import type { ActionRunner } from './action-runner.ts';
import { changeRunner, optionalText, selectedLabel, targetSlug, wholeNumber } from './change-runners.ts';

export const invite: ActionRunner = changeRunner(
  (request) => `Invite ${request.values.email ?? ''} to ${targetSlug(request)}`,
  (client, request, options) => {
    const role = request.values.role === 'none' || !request.values.role ? null : (request.values.role as Role);
    const expiresDays = wholeNumber(request.values.expiresDays, 'expiresDays');
    return client.invitations.send(
      { slug: targetSlug(request), email: request.values.email ?? '', role, ...(expiresDays !== undefined ? { expiresDays } : {}) },
      options,
    );
  },
  (result) => ({
    message: `Invited ${result.invitation.email} (${result.action})`,
    lines: [
      `Expires ${result.invitation.expiresAt.slice(0, 10)}; delivery: ${result.delivery?.status === 'logged' ? `not sent, written to the ${result.delivery.detail}` : (result.delivery?.status ?? 'queued')}`,
    ],
    ...(result.invitation.token ? { secret: { label: 'Invitation token', value: result.invitation.token } } : {}),
  }),
);

export const revokeInvitation: ActionRunner = changeRunner(
  (request) => `Revoke the invitation of ${selectedLabel(request, 'invitation')}`,
  (client, request, options) => client.invitations.revoke({ slug: targetSlug(request), email: selectedLabel(request, 'invitation') }, options),
  (result) => ({ message: `Revoked the invitation of ${result.invitation.email}` }),
);

export const grantRole: ActionRunner = changeRunner(
  (request) => `Grant ${request.values.role ?? ''} to ${selectedLabel(request, 'member')}`,
  (client, request, options) =>
    client.roles.grant({ slug: targetSlug(request), email: selectedLabel(request, 'member'), role: request.values.role as Role }, options),
  (result) => ({ message: `${result.member.email} now has: ${result.member.roles.join(', ') || 'no role'}` }),
);

export const revokeRole: ActionRunner = changeRunner(
  (request) => `Revoke ${request.values.role ?? ''} from ${selectedLabel(request, 'member')}`,
  (client, request, options) =>
    client.roles.revoke({ slug: targetSlug(request), email: selectedLabel(request, 'member'), role: request.values.role as Role }, options),
  (result) => ({ message: `${result.member.email} now has: ${result.member.roles.join(', ') || 'no role'}` }),
);

export const resendInvitation: ActionRunner = changeRunner(
  (request) => `Resend the invitation of ${selectedLabel(request, 'invitation')}`,
  (client, request, options) => client.invitations.resend({ slug: targetSlug(request), email: selectedLabel(request, 'invitation') }, options),
  (result) => ({
    message: `Sent the invitation of ${result.invitation.email} again`,
    lines: [`Expires ${result.invitation.expiresAt.slice(0, 10)}; the previous token no longer works.`],
    ...(result.invitation.token ? { secret: { label: 'Invitation token', value: result.invitation.token } } : {}),
  }),
);

/** For a user who cannot reach the link: the token, a password (checked against the tenant's policy), a name. */
export const acceptInvitation: ActionRunner = changeRunner(
  () => 'Accept the invitation',
  (client, request, options) => {
    const name = optionalText(request.values.name);
    return client.invitations.accept({ token: request.values.token ?? '', password: request.values.password ?? '', ...(name ? { name } : {}) }, options);
  },
  (result) => ({ message: `${result.email} joined ${result.tenantSlug}${result.role ? ` as ${result.role}` : ''}`, openSlug: result.tenantSlug }),
);

export const removeMember: ActionRunner = changeRunner(
  (request) => `Remove ${selectedLabel(request, 'member')} from ${targetSlug(request)}`,
  (client, request, options) => client.members.remove({ slug: targetSlug(request), email: selectedLabel(request, 'member') }, options),
  (result, request) => ({ message: `${result.member.email} is no longer a member of ${targetSlug(request)}` }),
);

export const resetPassword: ActionRunner = changeRunner(
  (request) => `Reset the password of ${selectedLabel(request, 'member')}`,
  (client, request, options) => client.users.resetPassword({ email: selectedLabel(request, 'member') }, options),
  (result) => ({
    message: `Reset the password of ${result.user.email}: it must be changed at the next sign-in`,
    ...(result.oneTimePassword ? { secret: { label: 'One-time password', value: result.oneTimePassword } } : {}),
  }),
);

export const unlockUser: ActionRunner = changeRunner(
  (request) => `Unlock the account of ${selectedLabel(request, 'member')}`,
  (client, request, options) => client.users.unlock({ email: selectedLabel(request, 'member') }, options),
  (result) => ({ message: `${result.user.email} may sign in again` }),
);

export const resetTotp: ActionRunner = changeRunner(
  (request) => `Remove the authenticator of ${selectedLabel(request, 'member')}`,
  (client, request, options) => client.users.resetTotp({ email: selectedLabel(request, 'member') }, options),
  (result) => ({ message: `Removed the authenticator of ${result.user.email}: sign-in no longer asks for its code` }),
);
