import type { Check } from '../types.ts';

interface DisabledRow {
  id: string;
  target: string;
  event_types: string;
  disabled_at: Date | string;
  disabled_reason: string | null;
  waiting: number;
}

export const webhookDisabled: Check = {
  code: 'WEBHOOK_DISABLED',
  title: 'Webhook subscription disabled',
  severity: 'error',
  scope: 'database',
  description:
    'A subscription whose delivery kept failing for its whole retry schedule (about a day) is disabled: nothing more is sent to it, and its events wait, in order, until it is enabled again. The receiving service misses every lifecycle event meanwhile.',
  remediation:
    'See what the receiver answered (`tenantry webhook deliveries --endpoint ID`), fix it, check it with `tenantry webhook test ID`, then `tenantry webhook enable ID`: the delivery that gave up is sent again first, then everything queued behind it.',
  async run(ctx) {
    if (ctx.tenantId) return [];
    const rows = await ctx.em.execute<DisabledRow[]>(
      `select w.id, w.target, w.event_types, w.disabled_at, w.disabled_reason,
              (select count(*) from tenantry.webhook_deliveries d where d.endpoint_id = w.id and d.status <> 'delivered')::int as waiting
         from tenantry.webhook_endpoints w where w.status = 'disabled' order by w.created_at, w.id`,
    );
    return rows.map((row) => ({
      code: this.code,
      severity: this.severity,
      scope: 'database' as const,
      tenant: null,
      subject: `webhook ${row.id}`,
      message: `The subscription of ${row.target} to ${row.event_types} is disabled since ${new Date(row.disabled_at).toISOString()} (${row.disabled_reason ?? 'by hand'}); ${row.waiting} delivery(ies) wait.`,
      remediation: this.remediation.replaceAll('ID', row.id),
      repairable: false,
      fingerprint: `${this.code}::${row.id}`,
      details: { id: row.id, target: row.target, waiting: row.waiting, reason: row.disabled_reason },
    }));
  },
};
