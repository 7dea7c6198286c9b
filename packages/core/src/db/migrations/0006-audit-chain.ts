import type { ControlPlaneMigration } from './migration.ts';

/**
 * Makes the audit trail tamper-evident: each event carries its position in the chain (`chain_seq`), the
 * hash of the event before it (`prev_hash`) and its own hash, sha256(prev_hash || canonical text). The
 * database computes them in a BEFORE INSERT trigger that holds the row lock of the one chain-head row, so
 * concurrent writers queue instead of forking the chain, and rows written as SQL (provisioning) are
 * chained like the others. Existing events are chained in id order. Also records the face that acted.
 */
export const controlPlane0006: ControlPlaneMigration = {
  id: '0006_audit_chain',
  description: 'Hash chain over the audit trail (tamper-evident) and the face that acted.',
  statements: [
    `alter table tenantry.audit_events
       add column face text,
       add column chain_seq bigint,
       add column prev_hash bytea,
       add column hash bytea`,
    `create unique index audit_events_chain_seq_key on tenantry.audit_events (chain_seq)`,
    `create table tenantry.audit_chain_head (
      singleton boolean primary key default true check (singleton),
      last_seq bigint not null,
      last_hash bytea not null,
      -- The hash before last_hash: lets one UPDATE ... RETURNING advance the head and hand back the link.
      previous_hash bytea
    )`,
    // Everything an event says, in a text that does not depend on the session (time as epoch microseconds).
    `create function tenantry.audit_event_canonical(seq bigint, e tenantry.audit_events) returns text language sql immutable as $$
      select jsonb_build_array(
        seq, e.id, (extract(epoch from e.occurred_at) * 1000000)::bigint, e.correlation_id,
        e.actor_type, e.actor_id, e.actor_label, e.face, e.action, e.tenant_id, e.tenant_slug,
        e.target_type, e.target_id, e.before, e.after
      )::text
    $$`,
    `create function tenantry.audit_event_hash(prev bytea, seq bigint, e tenantry.audit_events) returns bytea language sql immutable as $$
      select sha256(prev || convert_to(tenantry.audit_event_canonical(seq, e), 'UTF8'))
    $$`,
    // One statement per event: the UPDATE takes the head's row lock (held to commit), so the next writer waits.
    `create function tenantry.chain_audit_event() returns trigger language plpgsql as $$
      begin
        update tenantry.audit_chain_head
           set last_seq = last_seq + 1,
               previous_hash = last_hash,
               last_hash = tenantry.audit_event_hash(last_hash, last_seq + 1, new)
        returning last_seq, previous_hash, last_hash into new.chain_seq, new.prev_hash, new.hash;
        if not found then
          raise exception 'tenantry.audit_chain_head is missing: the audit chain cannot be extended' using errcode = '55000';
        end if;
        return new;
      end
    $$`,
    `alter table tenantry.audit_events disable trigger audit_events_append_only`,
    `do $$
      declare
        event tenantry.audit_events%rowtype;
        seq_no bigint := 0;
        previous bytea := decode(repeat('00', 32), 'hex');
      begin
        for event in select * from tenantry.audit_events order by id loop
          seq_no := seq_no + 1;
          event.chain_seq := seq_no;
          event.prev_hash := previous;
          event.hash := tenantry.audit_event_hash(previous, seq_no, event);
          update tenantry.audit_events set chain_seq = event.chain_seq, prev_hash = event.prev_hash, hash = event.hash where id = event.id;
          previous := event.hash;
        end loop;
        insert into tenantry.audit_chain_head (last_seq, last_hash) values (seq_no, previous);
      end
    $$`,
    `alter table tenantry.audit_events enable trigger audit_events_append_only`,
    `create trigger audit_events_chain before insert on tenantry.audit_events
      for each row execute function tenantry.chain_audit_event()`,
  ],
};
