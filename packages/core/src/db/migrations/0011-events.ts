import type { ControlPlaneMigration } from './migration.ts';

/**
 * Lifecycle events: what happened to a tenant, written in the transaction of the change that caused it
 * (derived from its audit entries, secrets redacted). `id` is the cursor: readers and a delivery worker
 * page in id order, per type or per tenant (the two indexes). No foreign key to the tenant: a purged
 * tenant's events stay, with its slug. The data path role gets no right on the table.
 *
 * Ids follow commit order, so a reader past id N never misses an event committed later with a smaller
 * id: before its rows take their ids, every INSERT takes the row lock of the audit chain's head (held to
 * commit), the lock every change already takes for its audit events (one lock, so no deadlock).
 */
export const controlPlane0011: ControlPlaneMigration = {
  id: '0011_events',
  description: 'Lifecycle events recorded with every change, read with a cursor.',
  statements: [
    `create table tenantry.events (
      id bigint generated always as identity primary key,
      event_id uuid not null unique,
      type text not null,
      occurred_at timestamptz not null,
      tenant_id uuid,
      tenant_slug text,
      actor_type text not null,
      actor_id text,
      actor_label text not null,
      correlation_id uuid not null,
      data jsonb not null
    )`,
    `create index events_type_id_idx on tenantry.events (type, id)`,
    `create index events_tenant_id_id_idx on tenantry.events (tenant_id, id)`,
    `create function tenantry.events_in_commit_order() returns trigger language plpgsql as $$
      begin
        perform 1 from tenantry.audit_chain_head for update;
        return null;
      end
    $$`,
    `create trigger events_in_commit_order before insert on tenantry.events
      for each statement execute function tenantry.events_in_commit_order()`,
  ],
};
