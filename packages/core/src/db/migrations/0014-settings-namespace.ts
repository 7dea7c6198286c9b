import type { ControlPlaneMigration } from './migration.ts';

const CUSTOM_NAME = `'^[a-z][a-z0-9_]*([.][a-z][a-z0-9_]*)*$'`;

/**
 * Puts every tenant's stored settings in the one spelling (modules/settings/setting-keys.ts). Bulk files
 * once stored their settings raw, so a document may hold `notifications.in_app` beside `tenant set`'s
 * `inApp`, or keys no command could change. Afterwards each document holds only the typed settings, by
 * their names, and `custom`:
 *
 * - A typed setting in another spelling (`notifications.in_app`, `Theme`, a dotted `"notifications.email"`)
 *   takes its name. When both spellings are there, the one already so named wins (what `tenant set` wrote,
 *   the newer), and the other is dropped.
 * - A typed setting whose value its schema refuses, and every other key (inside `notifications` and
 *   `monitoring` too), moves under `custom`, so nothing is lost: `language` → `custom.language`,
 *   `notifications.sms` → `custom.notifications.sms`. The name is made a custom name (supportTier →
 *   support_tier, lower case, `_` for other characters, `n` before a segment starting with a digit,
 *   `legacy_<md5>` when nothing is left); an existing `custom` entry keeps its name, and a name taken
 *   already gets `_2`, `_3`. A null value is no setting and is left out.
 *
 * The functions exist for the migration only and are dropped at its end.
 */
export const controlPlane0014: ControlPlaneMigration = {
  id: '0014_settings_namespace',
  description: 'Settings in one spelling: aliases of typed settings renamed, every other key moved under custom.',
  statements: [
    `create function tenantry.migration_0014_custom_name(raw text) returns text language plpgsql immutable as $$
      declare
        name text;
      begin
        if raw ~ ${CUSTOM_NAME} and length(raw) <= 64 then
          return raw;
        end if;
        name := lower(regexp_replace(raw, '([a-z0-9])([A-Z])', '\\1_\\2', 'g'));
        name := regexp_replace(name, '[^a-z0-9_.]+', '_', 'g');
        name := regexp_replace(name, '_*[.]+_*', '.', 'g');
        name := trim(both '._' from name);
        name := regexp_replace(name, '(^|[.])([0-9])', '\\1n\\2', 'g');
        name := trim(both '._' from left(name, 64));
        if name !~ ${CUSTOM_NAME} then
          name := 'legacy_' || left(md5(raw), 8);
        end if;
        return name;
      end
    $$`,
    // The custom settings with one more: under its custom name, or that name with _2, _3 when it is taken.
    `create function tenantry.migration_0014_put(custom jsonb, raw text, value jsonb) returns jsonb language plpgsql immutable as $$
      declare
        base text := tenantry.migration_0014_custom_name(raw);
        name text := base;
        n integer := 1;
      begin
        if value is null or value = 'null'::jsonb then
          return custom;
        end if;
        while custom -> name is not null loop
          n := n + 1;
          name := rtrim(left(base, 60), '._') || '_' || n;
        end loop;
        return custom || jsonb_build_object(name, value);
      end
    $$`,
    `create function tenantry.migration_0014_inner_key(head text, raw text) returns text language sql immutable as $$
      select coalesce(
        case head || '.' || lower(replace(replace(btrim(raw), '-', ''), '_', ''))
          when 'notifications.email' then 'email'
          when 'notifications.inapp' then 'inApp'
          when 'monitoring.users' then 'users'
          when 'monitoring.assets' then 'assets'
          when 'monitoring.devices' then 'devices'
          when 'monitoring.storage' then 'storage'
        end,
        raw)
    $$`,
    // A candidate value for a typed setting: the first one seen, unless a later one is spelt by its name.
    `create function tenantry.migration_0014_candidate(slots jsonb, slot text, value jsonb, named boolean) returns jsonb language sql immutable as $$
      select case
        when slots -> slot is null or (named and not (slots -> slot ->> 'named')::boolean)
          then slots || jsonb_build_object(slot, jsonb_build_object('value', value, 'named', named))
        else slots
      end
    $$`,
    `create function tenantry.migration_0014_settings(doc jsonb) returns jsonb language plpgsql immutable as $$
      declare
        result jsonb := '{}';
        custom jsonb := '{}';
        slots jsonb := '{}';
        field record;
        item record;
        head text;
        sub text;
      begin
        if jsonb_typeof(doc -> 'custom') = 'object' then
          for item in select key, value from jsonb_each(doc -> 'custom') order by key ~ ${CUSTOM_NAME} desc, key collate "C" loop
            custom := tenantry.migration_0014_put(custom, item.key, item.value);
          end loop;
        end if;
        for field in select key, value from jsonb_each(doc) order by key collate "C" loop
          continue when field.key = 'custom' and jsonb_typeof(field.value) = 'object';
          if left(field.key, 7) = 'custom.' then
            custom := tenantry.migration_0014_put(custom, substr(field.key, 8), field.value);
            continue;
          end if;
          head := case lower(replace(replace(btrim(split_part(field.key, '.', 1)), '-', ''), '_', ''))
            when 'theme' then 'theme' when 'notifications' then 'notifications' when 'monitoring' then 'monitoring' end;
          if head is null then
            custom := tenantry.migration_0014_put(custom, field.key, field.value);
          elsif position('.' in field.key) > 0 then
            sub := tenantry.migration_0014_inner_key(head, substr(field.key, position('.' in field.key) + 1));
            slots := tenantry.migration_0014_candidate(slots, head || '.' || sub, field.value, false);
          elsif head <> 'theme' and jsonb_typeof(field.value) = 'object' then
            for item in select key, value from jsonb_each(field.value) order by key collate "C" loop
              sub := tenantry.migration_0014_inner_key(head, item.key);
              slots := tenantry.migration_0014_candidate(slots, head || '.' || sub, item.value, field.key = head and item.key = sub);
            end loop;
          else
            slots := tenantry.migration_0014_candidate(slots, head, field.value, field.key = head);
          end if;
        end loop;
        for item in select key, value -> 'value' as value from jsonb_each(slots) order by key collate "C" loop
          if item.key = 'theme' and (item.value = 'null'::jsonb or (jsonb_typeof(item.value) = 'string' and item.value #>> '{}' ~ '^[a-z][a-z0-9-]{0,39}$')) then
            result := result || jsonb_build_object('theme', item.value);
          elsif item.key in ('notifications.email', 'notifications.inApp') and jsonb_typeof(item.value) = 'boolean' then
            result := result || jsonb_build_object('notifications',
              coalesce(result -> 'notifications', '{}') || jsonb_build_object(split_part(item.key, '.', 2), item.value));
          elsif item.key in ('monitoring.users', 'monitoring.assets', 'monitoring.devices', 'monitoring.storage')
            and jsonb_typeof(item.value) = 'number' and item.value::numeric > 0 and item.value::numeric <= 1 then
            result := result || jsonb_build_object('monitoring',
              coalesce(result -> 'monitoring', '{}') || jsonb_build_object(split_part(item.key, '.', 2), item.value));
          else
            custom := tenantry.migration_0014_put(custom, item.key, item.value);
          end if;
        end loop;
        if custom <> '{}' then
          result := result || jsonb_build_object('custom', custom);
        end if;
        return result;
      end
    $$`,
    `update tenantry.tenants set settings = tenantry.migration_0014_settings(settings)
      where jsonb_typeof(settings) = 'object' and settings <> tenantry.migration_0014_settings(settings)`,
    `drop function tenantry.migration_0014_settings(jsonb)`,
    `drop function tenantry.migration_0014_candidate(jsonb, text, jsonb, boolean)`,
    `drop function tenantry.migration_0014_inner_key(text, text)`,
    `drop function tenantry.migration_0014_put(jsonb, text, jsonb)`,
    `drop function tenantry.migration_0014_custom_name(text)`,
  ],
};
