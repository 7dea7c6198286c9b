/**
 * A statement that creates a NOLOGIN, non-superuser role unless it exists and lets the current user SET
 * ROLE to it. Roles are cluster-wide and several databases on one server may run it at the same moment
 * (test databases run in parallel): a concurrent creation shows up as duplicate_object or as a unique
 * violation on pg_authid, and both mean "it exists now", which is all that is wanted.
 */
export function ensureRoleSql(role: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`not a plain role name: ${role}`);
  return `do $$
    begin
      if not exists (select 1 from pg_roles where rolname = '${role}') then
        begin
          create role ${role} nologin noinherit nosuperuser nobypassrls;
        exception when duplicate_object or unique_violation then
          null; -- another database on this server created it at the same moment
        end;
      end if;
      if not (select rolsuper from pg_roles where rolname = current_user)
         and not pg_has_role(current_user, '${role}', 'member') then
        begin
          execute format('grant ${role} to %I', current_user);
        exception when duplicate_object or unique_violation then
          null;
        end;
      end if;
    end
    $$`;
}

/**
 * A statement that lets `role` log in (keeping every other attribute), so the data path can connect as
 * it: then `RESET ROLE` inside a callback returns to a role with no more rights than the application's.
 * Several databases on one server may run it at once and PostgreSQL refuses a concurrent update of the
 * same role ("tuple concurrently updated"), so it tries again until the role can log in.
 */
export function ensureLoginSql(role: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`not a plain role name: ${role}`);
  return `do $$
    begin
      for attempt in 1..50 loop
        exit when (select rolcanlogin from pg_roles where rolname = '${role}');
        begin
          alter role ${role} login;
          exit;
        exception when insufficient_privilege then
          raise exception 'tenantry: % may not alter role ${role}: a superuser must run: alter role ${role} login', current_user
            using errcode = 'insufficient_privilege';
        when others then
          perform pg_sleep(0.05 * attempt); -- another database altered it at the same moment
        end;
      end loop;
    end
    $$`;
}
