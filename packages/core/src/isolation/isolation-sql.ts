import type { IsolationMode } from './isolation-mode.ts';
import { APP_ROLE, POLICY_NAME, SHARED_SCHEMA, quoteIdent, quoteLiteral } from './names.ts';
import { VERIFIED_TENANT_SQL } from './tenant-signature.ts';

/**
 * The tenant policy's condition: the verified tenant (a signed setting, see tenant-signature.ts) equal
 * to `tenant_id` in shared tables, to the tenant's own id in schema mode.
 */
export function policyCondition(mode: IsolationMode, tenantId?: string): string {
  return mode === 'schema' ? `${VERIFIED_TENANT_SQL} = ${quoteLiteral(String(tenantId))}::uuid` : `tenant_id = ${VERIFIED_TENANT_SQL}`;
}

/**
 * One statement giving every tenant policy already in place (each schema tenant's tables, the shared
 * tables) the current condition: how data spaces made by an older Tenantry get the signed setting.
 */
export function reapplyPoliciesSql(): string {
  return `do $tenantry$
declare
  p record;
  condition text;
begin
  for p in
    select n.nspname, c.relname, t.id as tenant_id
      from pg_policy pol
      join pg_class c on c.oid = pol.polrelid
      join pg_namespace n on n.oid = c.relnamespace
      left join tenantry.tenants t on t.isolation = 'schema' and t.schema_name = n.nspname
     where pol.polname = '${POLICY_NAME}' and (n.nspname = ${quoteLiteral(SHARED_SCHEMA)} or t.id is not null)
  loop
    condition := case when p.tenant_id is null then ${quoteLiteral(policyCondition('shared'))}
      else replace(${quoteLiteral(policyCondition('schema', '00000000-0000-0000-0000-000000000000'))}, '00000000-0000-0000-0000-000000000000', p.tenant_id::text) end;
    execute format('alter policy ${POLICY_NAME} on %I.%I using (%s) with check (%s)', p.nspname, p.relname, condition, condition);
  end loop;
end
$tenantry$`;
}

/**
 * One statement that makes every table of a data space safe for application queries, whatever the
 * blueprint created: the application role gets usage and DML (nothing else), and every tenant table has
 * row-level security enabled AND forced with the tenant policy. Schema mode pins the policy to the
 * tenant's id, so even a query naming another tenant's schema sees nothing. Tables already in order are
 * not touched (no lock taken).
 */
export function isolationSql(mode: IsolationMode, schema: string, tenantId?: string): string {
  const condition = policyCondition(mode, tenantId);
  const tenantTable =
    mode === 'schema' ? 'true' : `exists (select 1 from pg_attribute a where a.attrelid = t.oid and a.attname = 'tenant_id' and not a.attisdropped)`;
  return `do $tenantry$
declare
  t record;
  is_tenant_table boolean;
begin
  execute format('grant usage on schema %I to ${APP_ROLE}', ${quoteLiteral(schema)});
  for t in
    select c.oid, c.relname, c.relrowsecurity, c.relforcerowsecurity
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = ${quoteLiteral(schema)} and c.relkind in ('r', 'p') and not c.relispartition
  loop
    is_tenant_table := ${tenantTable};
    if is_tenant_table and not (has_table_privilege('${APP_ROLE}', t.oid, 'select') and has_table_privilege('${APP_ROLE}', t.oid, 'insert')
        and has_table_privilege('${APP_ROLE}', t.oid, 'update') and has_table_privilege('${APP_ROLE}', t.oid, 'delete')) then
      execute format('grant select, insert, update, delete on %I.%I to ${APP_ROLE}', ${quoteLiteral(schema)}, t.relname);
    elsif not is_tenant_table and not has_table_privilege('${APP_ROLE}', t.oid, 'select') then
      execute format('grant select on %I.%I to ${APP_ROLE}', ${quoteLiteral(schema)}, t.relname);
    end if;
    if is_tenant_table then
      if not t.relrowsecurity then
        execute format('alter table %I.%I enable row level security', ${quoteLiteral(schema)}, t.relname);
      end if;
      if not t.relforcerowsecurity then
        execute format('alter table %I.%I force row level security', ${quoteLiteral(schema)}, t.relname);
      end if;
      if not exists (select 1 from pg_policy p where p.polrelid = t.oid and p.polname = '${POLICY_NAME}') then
        execute format('create policy ${POLICY_NAME} on %I.%I using (%s) with check (%s)', ${quoteLiteral(schema)}, t.relname,
          ${quoteLiteral(condition)}, ${quoteLiteral(condition)});
      end if;
    end if;
  end loop;
  execute format('grant usage, select on all sequences in schema %I to ${APP_ROLE}', ${quoteLiteral(schema)});
end
$tenantry$`;
}

/**
 * `set_config('search_path', ...)` value putting a data space first (public stays reachable for
 * extensions) and the session's temporary schema last: PostgreSQL searches `pg_temp` before everything
 * unless it is listed, so a temporary table could otherwise shadow a tenant table.
 */
export function searchPathFor(schema: string): string {
  return `${quoteIdent(schema)}, public, pg_temp`;
}
