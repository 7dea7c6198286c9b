import { isolationSql } from '../../isolation/isolation-sql.ts';
import { POLICY_NAME, SHARED_SCHEMA } from '../../isolation/names.ts';
import type { Check, CheckContext, Finding, Repair } from '../types.ts';

interface SharedTableRow {
  table_name: string;
  rls: boolean;
  forced: boolean;
  has_policy: boolean;
}

/** Re-applies the shared schema's isolation: RLS enabled and forced, the tenant policy, the grants. */
const reisolate: Repair = {
  async plan(_ctx, finding) {
    return {
      destructive: false,
      confirmText: null,
      steps: [
        {
          action: 'isolate-shared-tables',
          description: `Enable and force row-level security and recreate the ${POLICY_NAME} policy on ${finding.subject ?? SHARED_SCHEMA} (tables already in order are not touched)`,
          sql: [isolationSql('shared', SHARED_SCHEMA)],
        },
      ],
    };
  },
  async apply(ctx) {
    await ctx.em.execute(isolationSql('shared', SHARED_SCHEMA));
  },
};

async function sharedTables(ctx: CheckContext): Promise<SharedTableRow[]> {
  if (ctx.tenantId) return [];
  return ctx.em.execute<SharedTableRow[]>(
    `select c.relname as table_name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
            exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = ?) as has_policy
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ? and c.relkind in ('r', 'p') and not c.relispartition
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
      order by c.relname`,
    [POLICY_NAME, SHARED_SCHEMA],
  );
}

function tableCheck(code: string, title: string, description: string, broken: (row: SharedTableRow) => boolean, problem: string, consequence: string): Check {
  return {
    code,
    title,
    severity: 'error',
    scope: 'database',
    description,
    remediation: `Re-apply the isolation of ${SHARED_SCHEMA} (\`tenantry repair ${code} --all --yes\`), then find out who changed it.`,
    repair: reisolate,
    async run(ctx) {
      return (await sharedTables(ctx)).filter(broken).map((row): Finding => ({
        code,
        severity: 'error',
        scope: 'database',
        tenant: null,
        subject: `${SHARED_SCHEMA}.${row.table_name}`,
        message: `${SHARED_SCHEMA}.${row.table_name} ${problem}: ${consequence}.`,
        remediation: this.remediation,
        repairable: true,
        fingerprint: `${code}::${SHARED_SCHEMA}.${row.table_name}`,
        details: { table: row.table_name, rowLevelSecurity: row.rls, forced: row.forced, policy: row.has_policy },
      }));
    },
  };
}

export const sharedRlsDisabled = tableCheck(
  'SHARED_TABLE_RLS_DISABLED',
  'Shared table without row-level security',
  "A table of the shared schema whose row-level security is off: queries through the application role see every tenant's rows.",
  (row) => !row.rls,
  'has row-level security disabled',
  "the application role sees every shared tenant's rows",
);

export const sharedRlsNotForced = tableCheck(
  'SHARED_TABLE_RLS_NOT_FORCED',
  'Shared table with row-level security not forced',
  'A shared table whose row-level security is enabled but not forced: its owner (and code connected as the owner) bypasses the tenant policy.',
  (row) => row.rls && !row.forced,
  'has row-level security not forced',
  'its owner bypasses the tenant policy',
);

export const sharedPolicyMissing = tableCheck(
  'SHARED_TABLE_POLICY_MISSING',
  'Shared table without its tenant policy',
  `A shared table with row-level security on but no \`${POLICY_NAME}\` policy: the application role sees no rows at all, or a hand-made policy decides.`,
  (row) => row.rls && !row.has_policy,
  `has no ${POLICY_NAME} policy`,
  'the application role sees none of its rows',
);
