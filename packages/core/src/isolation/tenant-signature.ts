import { createHmac } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { APP_ROLE, TENANT_SETTING } from './names.ts';

/**
 * The tenant setting is signed: row-level security admits a tenant only when `app.current_tenant_id`
 * comes with its HMAC-SHA256 in `app.current_tenant_sig`, made with a key in `tenantry.data_path_keys`
 * that the application role cannot read. SQL in a callback that sets the tenant id itself (set_config)
 * has no signature for the other tenant, so the policies see no tenant and admit no row.
 */
export const TENANT_SIGNATURE_SETTING = 'app.current_tenant_sig';

/** The schema holding only `current_tenant()`: the application role may use it, not the control plane's. */
export const SESSION_SCHEMA = 'tenantry_session';

/** What policies compare with: evaluated once per statement (an init plan), NULL without a valid signature. */
export const VERIFIED_TENANT_SQL = `(select ${SESSION_SCHEMA}.current_tenant())`;

/** HMAC-SHA256 of `message` (SQL text) with the key's precomputed pads: sha256(outer || sha256(inner || m)). */
const hmacSql = (message: string) => `encode(sha256(k.outer_pad || sha256(k.inner_pad || convert_to(${message}, 'UTF8'))), 'hex')`;

/** The statements that create the key, the verifying function and the signing function (migration 0007). */
export const TENANT_SIGNATURE_SQL: readonly string[] = [
  `create table tenantry.data_path_keys (
    id boolean primary key default true check (id),
    key bytea not null,
    inner_pad bytea not null,
    outer_pad bytea not null
  )`,
  // 32 random bytes from four v4 UUIDs' random parts (pgcrypto is not everywhere), with the HMAC pads.
  `do $$
    declare
      k bytea := substr(decode(replace(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'), 1, 32);
      ipad bytea := decode(repeat('36', 64), 'hex');
      opad bytea := decode(repeat('5c', 64), 'hex');
    begin
      for i in 0..31 loop
        ipad := set_byte(ipad, i, get_byte(k, i) # 54);
        opad := set_byte(opad, i, get_byte(k, i) # 92);
      end loop;
      insert into tenantry.data_path_keys (key, inner_pad, outer_pad) values (k, ipad, opad);
    end
    $$`,
  `create schema ${SESSION_SCHEMA}`,
  `grant usage on schema ${SESSION_SCHEMA} to ${APP_ROLE}`,
  // PL/pgSQL caches its plans (a SQL function is planned at every call, ~80 µs); every name is qualified
  // instead of a SET search_path clause, which costs a configuration save and restore at every call.
  `create function ${SESSION_SCHEMA}.current_tenant() returns pg_catalog.uuid
    language plpgsql stable security definer
    as $fn$
    declare
      tenant pg_catalog.text := pg_catalog.current_setting('${TENANT_SETTING}', true);
      sig pg_catalog.text := pg_catalog.current_setting('${TENANT_SIGNATURE_SETTING}', true);
      inner_pad pg_catalog.bytea;
      outer_pad pg_catalog.bytea;
    begin
      select k.inner_pad, k.outer_pad into inner_pad, outer_pad from tenantry.data_path_keys k;
      if sig OPERATOR(pg_catalog.=) pg_catalog.encode(pg_catalog.sha256(outer_pad OPERATOR(pg_catalog.||)
           pg_catalog.sha256(inner_pad OPERATOR(pg_catalog.||) pg_catalog.convert_to(tenant, 'UTF8'))), 'hex') then
        return tenant::pg_catalog.uuid;
      end if;
      return null;
    end
    $fn$`,
  `create function tenantry.tenant_signature(tenant uuid) returns text
    language sql stable set search_path = pg_catalog, pg_temp
    as $fn$ select ${hmacSql('tenant::text')} from tenantry.data_path_keys k $fn$`,
  `revoke all on function tenantry.tenant_signature(uuid) from public`,
];

/** `set_config(...)` expressions (SQL text) setting the tenant and its signature, for the control plane's own user. */
export function signedTenantSettingSql(tenantLiteral: string): string {
  return `set_config('${TENANT_SETTING}', ${tenantLiteral}, true), set_config('${TENANT_SIGNATURE_SETTING}', coalesce(tenantry.tenant_signature(nullif(${tenantLiteral}, '')::uuid), ''), true)`;
}

/** The signature the data path sends beside a tenant id (the key is read once per data path). */
export function signTenant(key: Buffer, tenantId: string): string {
  return createHmac('sha256', key).update(tenantId, 'utf8').digest('hex');
}

/** Reads the signing key with the control plane's user (the application role cannot). */
export async function loadSigningKey(em: SqlEntityManager): Promise<Buffer> {
  const [row] = await em.execute<{ key: Buffer | Uint8Array }[]>('select key from tenantry.data_path_keys');
  if (!row) throw new Error('tenantry.data_path_keys is empty: run tenantry db migrate');
  return Buffer.from(row.key);
}
