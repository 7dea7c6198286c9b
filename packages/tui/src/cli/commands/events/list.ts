import type { EventDto, ListEventsInput } from '@tenantry/sdk';
import { defineCommand } from '../../command.ts';
import { formatTimestamp } from '../../output/format.ts';
import { listEnvelope } from '../../output/list-envelope.ts';
import { renderTable, type Column } from '../../output/table.ts';

export const eventsList = defineCommand({
  path: ['events', 'list'],
  aliases: [['events', 'ls']],
  summary: 'Lists lifecycle events in order, after a cursor (or newest first): tenant.created, member.added, api_key.revoked and the others.',
  description:
    'Every applied change records its events in its own transaction (every type: docs/events.md); the id is the cursor.\n' +
    'A tenant user names a tenant whose audit their roles may read. Secrets are redacted.',
  flags: [
    {
      name: 'type',
      type: 'string',
      placeholder: 'TYPES',
      field: 'type',
      description: 'Only these types: a type (tenant.created), a glob (tenant.*), or a comma list of both.',
    },
    { name: 'tenant', type: 'string', placeholder: 'SLUG', field: 'tenant', description: "Only this tenant's events." },
    { name: 'since', type: 'string', placeholder: 'ID', field: 'since', description: 'Only events after this id (the `nextCursor` of a previous page).' },
    {
      name: 'before',
      type: 'string',
      placeholder: 'ID',
      field: 'before',
      description: 'Only events before this id (with --order newest: the `nextCursor` of the page before).',
    },
    {
      name: 'order',
      type: 'string',
      placeholder: 'ORDER',
      choices: ['oldest', 'newest'],
      field: 'order',
      description: 'oldest first (default) or newest first.',
    },
    { name: 'limit', type: 'integer', field: 'limit', description: 'At most N events (default 100, up to 500); stderr says when more follow.' },
  ],
  json: true,
  examples: [
    { description: 'The first 100 events', command: 'tenantry events list' },
    { description: "A tenant's lifecycle changes, as JSON", command: "tenantry events list --tenant acme-corp --type 'tenant.*' --json" },
    { description: 'The next page', command: 'tenantry events list --since "$(jq -r .nextCursor page1.json)" --json' },
    { description: "A tenant's ten latest events", command: 'tenantry events list --tenant acme-corp --order newest --limit 10' },
  ],
  async run(ctx, { flags }) {
    const filter: ListEventsInput = {
      ...(typeof flags.type === 'string' ? { type: flags.type } : {}),
      ...(typeof flags.tenant === 'string' ? { tenant: flags.tenant } : {}),
      ...(typeof flags.since === 'string' ? { since: flags.since } : {}),
      ...(typeof flags.before === 'string' ? { before: flags.before } : {}),
      ...(flags.order === 'newest' || flags.order === 'oldest' ? { order: flags.order } : {}),
      ...(typeof flags.limit === 'number' ? { limit: flags.limit } : {}),
    };
    const page = await (await ctx.client()).events.list(filter);
    const cursorFlag = filter.order === 'newest' ? '--before' : '--since';
    if (page.nextCursor !== null) ctx.info(`More events follow: pass ${cursorFlag} ${page.nextCursor} for the next page.`);
    if (ctx.json) return ctx.outJson(listEnvelope(page.events, page));
    const terminal = Boolean(ctx.io.stdout.isTTY);
    if (page.events.length === 0 && terminal) return ctx.info('No events match.');
    const columns: Column<EventDto>[] = [
      { header: 'id', value: (e) => e.id, align: 'right' },
      { header: 'time', value: (e, tty) => formatTimestamp(e.occurredAt, tty) },
      { header: 'type', value: (e) => e.type },
      { header: 'tenant', value: (e) => e.tenant?.slug ?? '-' },
      { header: 'actor', value: (e) => e.actor.label, dropOrder: 2 },
      { header: 'target', value: (e) => `${e.data.target.type}${e.data.target.id ? ` ${e.data.target.id}` : ''}`, shrink: true, dropOrder: 1 },
    ];
    ctx.io.stdout.write(renderTable(ctx.io, columns, page.events));
  },
});
