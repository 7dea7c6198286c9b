import { DELIVERY_STATUSES, type DeliveryDto, type ListDeliveriesInput } from '@tenantry/sdk';
import { defineCommand } from '../../command.ts';
import { formatTimestamp } from '../../output/format.ts';
import { listEnvelope } from '../../output/list-envelope.ts';
import { renderTable, type Column } from '../../output/table.ts';

export const webhookDeliveries = defineCommand({
  path: ['webhook', 'deliveries'],
  summary: 'Lists deliveries newest first, with their attempts: status, latency and what the receiver answered.',
  flags: [
    { name: 'endpoint', type: 'string', placeholder: 'ID', field: 'endpoint', description: "Only this subscription's deliveries." },
    {
      name: 'status',
      type: 'string',
      placeholder: 'STATUS',
      choices: DELIVERY_STATUSES,
      field: 'status',
      description: 'Only pending, delivered or failed ones.',
    },
    { name: 'limit', type: 'integer', field: 'limit', description: 'At most N deliveries (default 50, up to 500).' },
  ],
  json: true,
  examples: [
    { description: 'What went wrong with a subscription', command: 'tenantry webhook deliveries --endpoint 0192f0c4-… --status pending' },
    { description: 'Every attempt, as JSON', command: "tenantry webhook deliveries --json | jq '.items[].attempts'" },
  ],
  async run(ctx, { flags }) {
    const filter: ListDeliveriesInput = {
      ...(typeof flags.endpoint === 'string' ? { endpoint: flags.endpoint } : {}),
      ...(typeof flags.status === 'string' ? { status: flags.status as ListDeliveriesInput['status'] } : {}),
      ...(typeof flags.limit === 'number' ? { limit: flags.limit } : {}),
    };
    const deliveries = await (await ctx.client()).webhooks.deliveries(filter);
    if (ctx.json) return ctx.outJson(listEnvelope(deliveries));
    const terminal = Boolean(ctx.io.stdout.isTTY);
    if (deliveries.length === 0 && terminal) return ctx.info('No deliveries match.');
    const last = (d: DeliveryDto) => d.attempts.at(-1);
    const columns: Column<DeliveryDto>[] = [
      { header: 'id', value: (d) => d.id, align: 'right' },
      { header: 'event', value: (d) => `${d.event.id} ${d.event.type}` },
      { header: 'tenant', value: (d) => d.event.tenant ?? '-' },
      { header: 'target', value: (d) => d.endpoint.target, shrink: true, dropOrder: 2 },
      { header: 'status', value: (d) => d.status },
      { header: 'attempts', value: (d) => String(d.attempts.length), align: 'right' },
      { header: 'last answer', value: (d) => (last(d) ? `${last(d)?.statusCode ?? last(d)?.error ?? ''} ${last(d)?.latencyMs ?? 0} ms` : '-'), shrink: true },
      { header: 'next attempt', value: (d, tty) => (d.nextAttemptAt ? formatTimestamp(d.nextAttemptAt, tty) : '-'), dropOrder: 1 },
    ];
    ctx.io.stdout.write(renderTable(ctx.io, columns, deliveries));
  },
});
