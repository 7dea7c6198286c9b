import { tenantFilter, tenantFinding, type Check, type TenantRow } from '../types.ts';

/** A pending message older than this was never picked up: the process that wrote it died after commit. */
const UNDELIVERED_AFTER_MINUTES = 15;

interface UndeliveredRow extends TenantRow {
  messages: number;
  recipients: string[];
  failed: number;
  last_error: string | null;
}

export const undeliveredInvitations: Check = {
  code: 'INVITATION_MAIL_UNDELIVERED',
  title: 'Invitation mail never delivered',
  severity: 'warn',
  scope: 'tenant',
  description: `Pending invitations whose latest message in the outbox failed to send, or is still unsent ${UNDELIVERED_AFTER_MINUTES} minutes after it was written (the process stopped between commit and delivery). The invitee never got a token, so the invitation cannot be accepted. Messages of invitations accepted, revoked or expired since are left out.`,
  remediation:
    'Fix the mail settings (`TENANTRY_SMTP_URL`, or read `$TENANTRY_HOME/mail.log`), then send each again with `tenantry invite resend <slug> <email>`: the token was never stored, so a new one is issued and delivered.',
  async run(ctx) {
    const filter = tenantFilter(ctx);
    const stale = new Date(ctx.now.getTime() - UNDELIVERED_AFTER_MINUTES * 60_000);
    const rows = await ctx.em.execute<UndeliveredRow[]>(
      `select t.id as tenant_id, t.slug, t.name, count(*)::int as messages,
              array_agg(m.recipient order by m.recipient) as recipients,
              count(*) filter (where m.status = 'failed')::int as failed,
              (array_agg(m.last_error order by m.created_at desc) filter (where m.last_error is not null))[1] as last_error
         from tenantry.outbox_messages m
         join tenantry.tenants t on t.id = m.tenant_id
         join tenantry.invitations i on i.tenant_id = m.tenant_id and i.email = m.recipient and i.state = 'pending' and i.expires_at >= ?
        where m.kind = 'invitation' and m.status <> 'sent'
          and (m.status = 'failed' or m.created_at < ?)
          -- the message of the latest send: a resend moves last_sent_at past the older messages
          and m.created_at >= i.last_sent_at${filter.sql}
        group by t.id, t.slug, t.name
        order by t.slug`,
      [ctx.now, stale, ...filter.params],
    );
    return rows.map((row) => {
      const why =
        row.failed > 0
          ? `${row.failed} failed${row.last_error ? ` (last error: ${row.last_error})` : ''}`
          : `unsent after ${UNDELIVERED_AFTER_MINUTES} minutes`;
      return tenantFinding(this, row, `${row.slug} has ${row.messages} invitation(s) whose mail was never delivered: ${row.recipients.join(', ')}; ${why}.`, {
        messages: row.messages,
        recipients: row.recipients,
        failed: row.failed,
      });
    });
  },
};
