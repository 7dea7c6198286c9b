import { median } from './measure.ts';
import type { Sql } from './sql.ts';

/** One transaction writing six audit events, as a provisioning does. */
const SIX_EVENTS = `begin;
  insert into tenantry.audit_events (occurred_at, correlation_id, actor_type, actor_label, face, action, tenant_id, tenant_slug, target_type, target_id, after)
  select now(), gen_random_uuid(), 'operator', 'bench', 'sdk', 'tenant.provisioned', gen_random_uuid(), 'bench-audit', 'tenant', 't' || n, '{"name":"Bench","limits":{"maxUsers":10,"maxApiKeys":5}}'
    from generate_series(1, 6) n;
  commit`;

/**
 * Milliseconds for six audit events in one transaction with the hash chain (`chained`, on the Tenantry
 * database) and without it (`floor`: the same SQL with the chain trigger switched off on the floor's twin).
 */
export async function auditChainCost(chained: Sql, floor: Sql): Promise<{ chained: number; floor: number }> {
  await floor.exec('alter table tenantry.audit_events disable trigger audit_events_chain');
  try {
    return { chained: await median(() => chained.exec(SIX_EVENTS), 41, 5), floor: await median(() => floor.exec(SIX_EVENTS), 41, 5) };
  } finally {
    await floor.exec('alter table tenantry.audit_events enable trigger audit_events_chain');
  }
}
