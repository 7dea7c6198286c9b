import { APP_ROLE } from '../../isolation/names.ts';
import type { ControlPlaneMigration } from './migration.ts';

/**
 * Webhook subscriptions and their deliveries. An endpoint reads the events after its `cursor` (events
 * ids follow commit order, 0011) and queues one delivery per matching event; deliveries of one endpoint
 * and one ordering key (the tenant) go out in id order, each after the one before it succeeded.
 * `claimed_by`/`claimed_until` lease a delivery to the process attempting it: a lease whose process died
 * (kill -9) or ran out is taken over, so an attempt cut short is made again (at least once).
 *
 * A URL may hold a secret (a Slack URL's path, a token in a query): it is stored sealed, with the signing
 * secret, by the installation's webhook key (kept beside the export key); `target` is what may be shown.
 * The data path role gets no right on any of these tables.
 */
export const controlPlane0012: ControlPlaneMigration = {
  id: '0012_webhooks',
  description: 'Webhook, Slack and email subscriptions to lifecycle events, with their deliveries and attempts.',
  statements: [
    `alter table tenantry.installation_keys drop constraint installation_keys_purpose_check`,
    `alter table tenantry.installation_keys add constraint installation_keys_purpose_check check (purpose in ('export', 'webhook'))`,
    `insert into tenantry.installation_keys (purpose, key_hex)
     values ('webhook', replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''))`,
    `create table tenantry.webhook_endpoints (
      id uuid primary key,
      kind text not null check (kind in ('webhook', 'slack', 'email')),
      target text not null,
      sealed_url text,
      sealed_secret text,
      event_types text not null,
      tenant_id uuid,
      description text,
      cursor bigint not null,
      status text not null check (status in ('enabled', 'disabled')),
      disabled_at timestamptz,
      disabled_reason text,
      created_at timestamptz not null,
      created_by text not null,
      check ((kind = 'email') = (sealed_url is null)),
      check ((kind = 'webhook') = (sealed_secret is not null))
    )`,
    `create table tenantry.webhook_deliveries (
      id bigint generated always as identity primary key,
      endpoint_id uuid not null references tenantry.webhook_endpoints (id) on delete cascade,
      event_id bigint not null references tenantry.events (id),
      ordering_key text not null,
      status text not null check (status in ('pending', 'delivered', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      claimed_by text,
      claimed_until timestamptz,
      delivered_at timestamptz,
      created_at timestamptz not null
    )`,
    `create index webhook_deliveries_pending_idx on tenantry.webhook_deliveries (endpoint_id, ordering_key, id) where status = 'pending'`,
    `create index webhook_deliveries_endpoint_idx on tenantry.webhook_deliveries (endpoint_id, id)`,
    `create table tenantry.webhook_attempts (
      id bigint generated always as identity primary key,
      delivery_id bigint not null references tenantry.webhook_deliveries (id) on delete cascade,
      attempted_at timestamptz not null,
      status_code integer,
      latency_ms integer not null,
      response_excerpt text,
      error text
    )`,
    `create index webhook_attempts_delivery_idx on tenantry.webhook_attempts (delivery_id, id)`,
    `revoke all on tenantry.webhook_endpoints, tenantry.webhook_deliveries, tenantry.webhook_attempts from public, ${APP_ROLE}`,
  ],
};
