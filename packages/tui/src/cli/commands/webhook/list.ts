import type { WebhookDto } from '@tenantry/sdk';
import { defineCommand } from '../../command.ts';
import { formatTimestamp } from '../../output/format.ts';
import { listEnvelope } from '../../output/list-envelope.ts';
import { renderTable, type Column } from '../../output/table.ts';

export const webhookList = defineCommand({
  path: ['webhook', 'list'],
  aliases: [['webhook', 'ls']],
  summary: 'Lists the subscriptions to lifecycle events with their deliveries and last attempt (never a secret).',
  json: true,
  examples: [
    { description: 'Every subscription', command: 'tenantry webhook list' },
    { description: 'The disabled ones, from JSON', command: `tenantry webhook list --json | jq -r '.items[] | select(.status == "disabled") | .id'` },
  ],
  async run(ctx) {
    const webhooks = await (await ctx.client()).webhooks.list();
    if (ctx.json) return ctx.outJson(listEnvelope(webhooks));
    const terminal = Boolean(ctx.io.stdout.isTTY);
    if (webhooks.length === 0 && terminal) return ctx.info("No subscriptions yet: tenantry webhook add URL --events 'tenant.*'");
    const columns: Column<WebhookDto>[] = [
      { header: 'id', value: (w) => w.id },
      { header: 'kind', value: (w) => w.kind },
      { header: 'target', value: (w) => w.target, shrink: true },
      { header: 'events', value: (w) => `${w.events}${w.tenant ? ` (${w.tenant.slug})` : ''}`, shrink: true },
      { header: 'status', value: (w, tty) => (w.status === 'disabled' && tty ? ctx.style.red('disabled') : w.status) },
      { header: 'pending', value: (w) => String(w.deliveries.pending), align: 'right' },
      { header: 'failed', value: (w) => String(w.deliveries.failed), align: 'right' },
      {
        header: 'last attempt',
        value: (w, tty) => (w.lastAttempt ? `${formatTimestamp(w.lastAttempt.at, tty)} ${w.lastAttempt.statusCode ?? w.lastAttempt.error ?? ''}` : '-'),
        dropOrder: 1,
      },
    ];
    ctx.io.stdout.write(renderTable(ctx.io, columns, webhooks));
  },
});
