import type { InvitationResultDto } from '@tenantry/sdk';
import type { CommandContext } from '../../command.ts';
import { renderChange } from '../../output/change.ts';
import { fields, formatMoment } from '../../output/format.ts';

/** The result of sending an invitation: the plan, or what was done, the token once, and the delivery. */
export function renderInvitationResult(ctx: CommandContext, result: InvitationResultDto): void {
  const { invitation, delivery } = result;
  const as = invitation.role ? `as ${invitation.role}` : 'with no role';
  const until = formatMoment(invitation.expiresAt);
  const verb = result.action === 'created' ? 'Invited' : 'Sent a new token to';
  renderChange(ctx, result, {
    applied: `${verb} ${invitation.email} to ${invitation.tenantSlug} ${as}, valid until ${until}`,
    unchanged: 'Nothing to change.',
  });
  if (result.result !== 'applied' || !invitation.token) return;
  const rows: [string, string][] = [['Token', `${ctx.style.bold(invitation.token)}  ${ctx.style.yellow(`(shown once: only its hash is stored)`)}`]];
  if (delivery?.status === 'sent') rows.push(['Mail', `sent to ${delivery.recipient} via ${delivery.detail}`]);
  if (delivery?.status === 'logged') rows.push(['Mail', `not sent: written to the ${delivery.detail} (no SMTP server configured)`]);
  ctx.out(fields(rows));
  if (delivery?.status === 'logged') {
    ctx.info(`${ctx.style.yellow('!')} No email went to ${delivery.recipient}: set TENANTRY_SMTP_URL to deliver mail. Hand the token over yourself.`);
  } else if (delivery && delivery.status !== 'sent') {
    ctx.info(
      `${ctx.style.yellow('!')} The invitation email was not delivered (${delivery.detail}). Hand the token over yourself, or run \`tenantry invite resend ${invitation.tenantSlug} ${invitation.email}\` later.`,
    );
  }
}
