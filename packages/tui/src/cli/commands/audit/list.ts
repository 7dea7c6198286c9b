import type { AuditEventDto, ListAuditInput } from '@tenantry/sdk';
import { plural } from '../../../text/plural.ts';
import { defineCommand } from '../../command.ts';
import { formatTimestamp } from '../../output/format.ts';
import { listEnvelope } from '../../output/list-envelope.ts';
import { renderTable, type Column } from '../../output/table.ts';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 10_000;

export const auditList = defineCommand({
  path: ['audit'],
  aliases: [['audit', 'list']],
  summary: 'Shows the audit trail, newest first: who changed what, in which tenant, before and after.',
  description:
    'Every change writes audit events in its own transaction; one command shares one correlation id. Secrets are redacted.\n' +
    'The via column is the face that acted (cli, console, sdk, http). `tenantry audit verify` checks the trail was not tampered with.',
  flags: [
    {
      name: 'tenant',
      type: 'string',
      placeholder: 'SLUG',
      field: 'tenant',
      description: "Only this tenant's events (a purged tenant's trail stays readable).",
    },
    { name: 'action', type: 'string', placeholder: 'ACTION', field: 'action', description: 'Only this action (invitation.sent), or a prefix (invitation.*).' },
    {
      name: 'since',
      type: 'string',
      placeholder: 'TIME',
      field: 'since',
      description: 'Only events at or after TIME: ISO 8601 (2026-11-01, 2026-11-01T12:00Z) or a duration ago (30m, 24h, 7d).',
    },
    { name: 'until', type: 'string', placeholder: 'TIME', field: 'until', description: 'Only events before TIME (same forms as --since).' },
    { name: 'correlation-id', type: 'string', placeholder: 'UUID', field: 'correlationId', description: 'Only the events of one command.' },
    { name: 'limit', type: 'integer', field: 'limit', description: 'At most N events (default 50, up to 10000).' },
  ],
  json: true,
  examples: [
    { description: "A tenant's last 50 events", command: 'tenantry audit --tenant acme-corp' },
    { description: 'Invitations of the last week, as JSON', command: "tenantry audit --action 'invitation.*' --since 7d --json" },
    { description: 'Everything one command did', command: 'tenantry audit --correlation-id 01936d3e-8c1a-7b2e-9f00-5a3c2b1d4e6f' },
  ],
  async run(ctx, { flags }) {
    const filter: ListAuditInput = {};
    if (typeof flags.tenant === 'string') filter.tenant = flags.tenant;
    if (typeof flags.action === 'string') filter.action = flags.action;
    if (typeof flags.since === 'string') filter.since = flags.since;
    if (typeof flags.until === 'string') filter.until = flags.until;
    if (typeof flags['correlation-id'] === 'string') filter.correlationId = flags['correlation-id'];
    const limit = typeof flags.limit === 'number' ? flags.limit : DEFAULT_LIMIT;
    // One event past the limit tells whether the output was cut.
    filter.limit = Math.min(limit + 1, MAX_LIMIT);
    const read = await (await ctx.client()).audit.list(filter);
    const events = read.slice(0, limit);
    if (read.length > events.length) {
      ctx.info(
        `Showing the newest ${plural(events.length, 'event')}; more match: narrow with --since, --until or --tenant, or raise --limit (up to ${MAX_LIMIT.toLocaleString('en-US')}).`,
      );
    }
    if (ctx.json) return ctx.outJson(listEnvelope(events));
    const terminal = Boolean(ctx.io.stdout.isTTY);
    if (events.length === 0 && terminal) return ctx.info('No audit events match.');
    const columns: Column<AuditEventDto>[] = [
      { header: 'time', value: (e, tty) => formatTimestamp(e.occurredAt, tty) },
      { header: 'actor', value: (e) => e.actor.label },
      { header: 'via', value: (e) => e.face ?? '-' },
      { header: 'action', value: (e) => e.action },
      { header: 'tenant', value: (e) => e.tenantSlug ?? '-' },
      { header: 'target', value: (e) => `${e.targetType}${e.targetId ? ` ${e.targetId}` : ''}` },
      { header: 'change', value: describeChange, shrink: true },
      { header: 'correlation', value: (e) => e.correlationId, dropOrder: 1 },
    ];
    ctx.io.stdout.write(renderTable(ctx.io, columns, events));
  },
});

function describeChange(event: AuditEventDto): string {
  const after = event.after ?? {};
  const before = event.before ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .map((key) =>
      key in before && key in after ? `${key}: ${short(before[key])} → ${short(after[key])}` : `${key}: ${short(key in after ? after[key] : before[key])}`,
    )
    .join('; ');
}

function short(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
