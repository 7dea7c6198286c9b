import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../context.ts';
import type { PlanStep } from '../plan.ts';
import type { Blueprint } from '../isolation/blueprint.ts';

export const SEVERITIES = ['info', 'warn', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export type CheckScope = 'database' | 'tenant';

/** One problem found by one check, with the numbers, on one tenant or on the database. */
export interface Finding {
  code: string;
  severity: Severity;
  scope: CheckScope;
  tenant: { id: string; slug: string; name: string } | null;
  /** What exactly is wrong inside the scope (a schema, a table, a domain), when more than the tenant. */
  subject: string | null;
  message: string;
  remediation: string;
  repairable: boolean;
  /** Stable identity across runs: code + tenant + subject. */
  fingerprint: string;
  details: Record<string, unknown>;
}

export interface HealthSettings {
  /** A tenant still `provisioning` after this many minutes is stuck. */
  stuckProvisioningMinutes: number;
  /** The run's own warning shares (--warn-*): they override the tenant's thresholds and its plan's. */
  warnAt: Partial<{ users: number; assets: number; devices: number; storage: number }>;
  /** More tenant schemas than this and PostgreSQL's catalog becomes the bottleneck. */
  schemaGuardrail: number;
  baseDomain: string | undefined;
  /** Where repairs that destroy data write their export first. */
  exportDir?: string;
}

/** Settings a caller may give: any subset, warning shares one by one. */
export type HealthSettingsInput = Partial<Omit<HealthSettings, 'warnAt'>> & { warnAt?: HealthSettings['warnAt'] };

export const DEFAULT_HEALTH_SETTINGS: HealthSettings = {
  stuckProvisioningMinutes: 15,
  warnAt: {},
  schemaGuardrail: 2000,
  baseDomain: undefined,
};

export interface CheckContext {
  em: SqlEntityManager;
  /** The tenant tables every data space should have. */
  blueprint: Blueprint;
  now: Date;
  settings: HealthSettings;
  /** Limit the check to one tenant; undefined checks every tenant. */
  tenantId: string | undefined;
}

export interface RepairPlan {
  steps: PlanStep[];
  /** Destroys data: the operator types the exact name back, or passes --yes with --confirm. */
  destructive: boolean;
  /** The exact text to type back for a destructive repair (a tenant name or a schema name). */
  confirmText: string | null;
  /** What the plan decided that apply carries out as is (the export file it named). */
  data?: unknown;
  /** State the plan depends on beyond the finding (the fingerprint of the operation it runs): hashed into the repair's fingerprint. */
  basis?: unknown;
}

export interface Repair {
  /** The repair runs its own transactions (a migration run): it is not wrapped in one. */
  managesTransactions?: boolean;
  plan(ctx: ServiceContext, finding: Finding): Promise<RepairPlan>;
  /** Runs inside the repair's transaction (ctx.em is the transaction), unless it manages its own; `plan` is the one shown. */
  apply(ctx: ServiceContext, finding: Finding, plan: RepairPlan): Promise<void>;
}

export interface Check {
  code: string;
  title: string;
  severity: Severity;
  scope: CheckScope;
  /** What the check looks at and why it matters, for docs/doctor.md. */
  description: string;
  remediation: string;
  repair?: Repair;
  run(ctx: CheckContext): Promise<Finding[]>;
}

export type TenantRow = { tenant_id: string; slug: string; name: string };

/** Builds a finding for a tenant-scoped check. */
export function tenantFinding(
  check: Pick<Check, 'code' | 'severity' | 'remediation' | 'repair'>,
  row: TenantRow,
  message: string,
  details: Record<string, unknown> = {},
  subject: string | null = null,
  severity: Severity = check.severity,
): Finding {
  return {
    code: check.code,
    severity,
    scope: 'tenant',
    tenant: { id: row.tenant_id, slug: row.slug, name: row.name },
    subject,
    message,
    remediation: check.remediation,
    repairable: check.repair !== undefined,
    fingerprint: [check.code, row.tenant_id, subject ?? ''].join(':'),
    details,
  };
}

/** `and t.id = ?` when the doctor runs for one tenant; the parameters to append. */
export function tenantFilter(ctx: CheckContext, column = 't.id'): { sql: string; params: unknown[] } {
  return ctx.tenantId ? { sql: ` and ${column} = ?`, params: [ctx.tenantId] } : { sql: '', params: [] };
}
