import type { TenantryClient } from '@tenantry/sdk';
import { median } from './measure.ts';
import type { AddFigure } from './figure.ts';
import type { Sql } from './sql.ts';

const STATEMENTS = 5000;

/** Two tables alike but for their policy: the signed one Tenantry writes, and a plain set_config one. */
const policyTablesSql = (tenantId: string) => `
  create schema bench_policy;
  grant usage on schema bench_policy to tenantry_app;
  create table bench_policy.signed (tenant_id uuid not null, k int not null, primary key (tenant_id, k));
  create table bench_policy.plain (like bench_policy.signed including all);
  insert into bench_policy.signed select case when g % 10 = 0 then '${tenantId}'::uuid else gen_random_uuid() end, g from generate_series(1, 10000) g;
  insert into bench_policy.plain select * from bench_policy.signed;
  grant select on bench_policy.signed, bench_policy.plain to tenantry_app;
  alter table bench_policy.signed enable row level security;
  alter table bench_policy.signed force row level security;
  alter table bench_policy.plain enable row level security;
  alter table bench_policy.plain force row level security;
  create policy tenant_isolation on bench_policy.signed using (tenant_id = (select tenantry_session.current_tenant()));
  create policy tenant_isolation on bench_policy.plain using (tenant_id = nullif(current_setting('app.current_tenant_id', true), '')::uuid);
  analyze bench_policy.signed; analyze bench_policy.plain;`;

/** One transaction as the application role running STATEMENTS indexed reads under the table's policy. */
const readsSql = (table: 'signed' | 'plain', tenantId: string) => `
  begin;
  select set_config('app.current_tenant_id', '${tenantId}', true), set_config('app.current_tenant_sig', tenantry.tenant_signature('${tenantId}'), true);
  set local role tenantry_app;
  do $$ begin for i in 1..${STATEMENTS} loop perform 1 from bench_policy.${table} where tenant_id = '${tenantId}'::uuid and k = (i % 1000) * 10; end loop; end $$;
  commit;`;

/**
 * withTenant's cost: one call with one query beside the same transaction in raw SQL (one round trip),
 * and what the signed tenant setting costs per statement: indexed reads under the signed policy beside
 * the same reads under the plain set_config policy it replaced.
 */
export async function withTenantFigures(client: TenantryClient, floor: Sql, add: AddFigure): Promise<void> {
  const [tenant] = await floor.query<{ id: string }>(`select id from tenantry.tenants where slug = 'warm-shared'`);
  const id = String(tenant?.id);
  const call = await median(() => client.withTenant('warm-shared', (db) => db.query('select count(*) from assets')), 51);
  const raw = await median(
    () =>
      floor.exec(
        `begin; select set_config('app.current_tenant_id', '${id}', true), set_config('app.current_tenant_sig', tenantry.tenant_signature('${id}'), true), set_config('role', 'tenantry_app', true); select count(*) from tenantry_shared.assets; commit`,
      ),
    51,
  );
  add({
    figure: 'withTenant: one call, one query (shared)',
    unit: 'ms',
    tenantry: call,
    floor: raw,
    note: 'tenant lookup, connection cleanup, signed setting, the query, temp cleanup; floor: the transaction in one round trip',
  });

  await floor.exec(policyTablesSql(id));
  try {
    const signed = await median(() => floor.exec(readsSql('signed', id)), 5, 1);
    const plain = await median(() => floor.exec(readsSql('plain', id)), 5, 1);
    const perStatementUs = ((signed - plain) / STATEMENTS) * 1000;
    add({
      figure: `signed tenant policy: ${STATEMENTS} indexed reads`,
      unit: 'ms',
      tenantry: signed,
      floor: plain,
      note: `floor: the same reads under the unsigned set_config policy; ${perStatementUs.toFixed(1)} µs more per statement (the HMAC check, once per statement)`,
    });
  } finally {
    await floor.exec('drop schema bench_policy cascade');
  }
}
