import { recordAudit } from '../../modules/audit/audit.service.ts';
import { tenantFilter, tenantFinding, type Check, type Repair, type TenantRow } from '../types.ts';

interface ExpiredRow extends TenantRow {
  invitations: number;
  emails: string[];
  oldest: Date | string;
}

const expireInvitations: Repair = {
  async plan(_ctx, finding) {
    const emails = (finding.details.emails as string[] | undefined) ?? [];
    return {
      destructive: false,
      confirmText: null,
      steps: [
        {
          action: 'expire-invitations',
          description: `Mark ${emails.length} expired invitation(s) of ${finding.tenant?.slug ?? ''} as expired: ${emails.join(', ')}`,
          sql: [
            `update tenantry.invitations set state = 'expired', updated_at = now() where tenant_id = '${finding.tenant?.id ?? ''}' and state = 'pending' and expires_at < now()`,
          ],
        },
      ],
    };
  },
  async apply(ctx, finding) {
    const expired = await ctx.em.execute<{ id: string; email: string }[]>(
      `update tenantry.invitations set state = 'expired', updated_at = ?
        where tenant_id = ? and state = 'pending' and expires_at < ? returning id, email`,
      [ctx.now(), finding.tenant?.id, ctx.now()],
    );
    for (const invitation of expired) {
      if (finding.tenant)
        recordAudit(ctx, ctx.em, {
          action: 'invitation.expired',
          tenant: finding.tenant,
          targetType: 'invitation',
          targetId: invitation.id,
          before: { state: 'pending' },
          after: { email: invitation.email, state: 'expired' },
        });
    }
    await ctx.em.flush();
  },
};

export const expiredInvitations: Check = {
  code: 'INVITATIONS_EXPIRED_PENDING',
  title: 'Expired invitations still pending',
  severity: 'info',
  scope: 'tenant',
  description:
    'Invitations past their expiry date that still read as pending in the database. They can no longer be accepted, but they count against nothing and clutter the list.',
  remediation: 'Mark them expired (`tenantry repair INVITATIONS_EXPIRED_PENDING <slug>`), or send them again (`tenantry invite resend`).',
  repair: expireInvitations,
  async run(ctx) {
    const filter = tenantFilter(ctx);
    const rows = await ctx.em.execute<ExpiredRow[]>(
      `select t.id as tenant_id, t.slug, t.name, count(*)::int as invitations, array_agg(i.email order by i.email) as emails, min(i.expires_at) as oldest
         from tenantry.invitations i join tenantry.tenants t on t.id = i.tenant_id
        where i.state = 'pending' and i.expires_at < ?${filter.sql}
        group by t.id, t.slug, t.name
        order by t.slug`,
      [ctx.now, ...filter.params],
    );
    return rows.map((row) =>
      tenantFinding(
        this,
        row,
        `${row.slug} has ${row.invitations} pending invitation(s) that expired (the oldest on ${new Date(row.oldest).toISOString().slice(0, 10)}).`,
        { invitations: row.invitations, emails: row.emails },
      ),
    );
  },
};
