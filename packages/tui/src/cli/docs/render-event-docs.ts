import { eventCatalog } from '@tenantry/sdk';

/** docs/events.md: every lifecycle event type, from the catalog the changes record them by. */
export function renderEventDocs(): string {
  const catalog = eventCatalog();
  return [
    '# Lifecycle events',
    '',
    '<!-- Generated from the event catalog by `pnpm docs:generate`; do not edit by hand. -->',
    '',
    'Every applied change records its events in the transaction that makes it, derived from its audit entries:',
    'a dry run, an unchanged result or a failed change records none. Read them in order with',
    '`tenantry events list [--type tenant.*] [--tenant SLUG] [--since ID]` or `client.events.list(...)`.',
    '',
    "* `id` is the cursor: ascending in commit order (every writer takes the audit chain's lock before its",
    "  events take their ids), so a reader past an id never misses an event committed later. Pass a page's",
    "  `nextCursor` as `since`; it is null on the last page so far. `order: 'newest'` (`?order=newest`) reads",
    "  the most recent first instead, as the console's Events tab does: pass its `nextCursor` as `before`.",
    '* `eventId` is a UUIDv7 that never changes: the idempotency key of a delivery.',
    "* `tenant` is `{ id, slug }`, or null for an event outside any tenant; a purged tenant's events stay.",
    '* `data` holds `auditAction` (the audit action the event comes from), `target` (`type`, `id`), and',
    '  `before` / `after` as in the audit trail, secrets redacted.',
    '* The events of one change share its `correlationId`, in the order of its audit entries: what it did along',
    '  the way first (a new user, then the accepted invitation), then the change itself; a provisioning is the',
    '  exception, its `tenant.created` first and then its `member.added`, `role.granted` and `domain.added`.',
    '* Subscriptions deliver them as signed webhooks, Slack messages or email: [webhooks.md](webhooks.md).',
    '* The platform operator reads every event; a tenant user names a tenant whose audit their roles may read.',
    '',
    '| type | audit actions | description |',
    '| --- | --- | --- |',
    ...catalog.map((spec) => `| \`${spec.type}\` | ${spec.from.map((action) => `\`${action}\``).join(', ')} | ${spec.description} |`),
    '',
  ].join('\n');
}
