import type { ServiceContext } from '../context.ts';
import { TenantryError } from '../errors.ts';
import { Tenant } from '../modules/tenants/tenant.entity.ts';
import { blueprintOf } from '../isolation/sample-blueprint.ts';
import { HEALTH_CHECKS } from './catalog.ts';
import { healthSettings } from './health-settings.ts';
import { severityRank, type Check, type CheckContext, type Finding, type HealthSettingsInput, type Severity } from './types.ts';

export interface DoctorOptions {
  /** One tenant only; its slug. */
  slug?: string;
  minSeverity?: Severity;
  settings?: HealthSettingsInput;
}

export interface DoctorReport {
  checkedAt: Date;
  /** The tenant the run was limited to, if any. */
  tenant: string | null;
  checks: number;
  findings: Finding[];
}

/** Runs every check (each one set-based query over all tenants) and returns the findings, worst first. */
export async function runDoctor(ctx: ServiceContext, options: DoctorOptions = {}): Promise<DoctorReport> {
  const tenantId = options.slug ? await tenantIdOf(ctx, options.slug) : undefined;
  const checkContext: CheckContext = { em: ctx.em, blueprint: blueprintOf(ctx), now: ctx.now(), settings: healthSettings(ctx, options.settings), tenantId };
  const findings = (await Promise.all(HEALTH_CHECKS.map((check) => check.run(checkContext)))).flat();
  const minimum = severityRank(options.minSeverity ?? 'info');
  return {
    checkedAt: checkContext.now,
    tenant: options.slug ?? null,
    checks: HEALTH_CHECKS.length,
    findings: findings.filter((finding) => severityRank(finding.severity) >= minimum).sort(worstFirst),
  };
}

/** Runs one check again (for one tenant when the finding has one): the re-check after a repair. */
export async function recheck(ctx: ServiceContext, check: Check, finding: Finding, settings: HealthSettingsInput = {}): Promise<Finding[]> {
  return findCurrent(ctx, check, finding.fingerprint, finding.tenant?.id, settings);
}

/** The finding with this fingerprint as the check reports it now (for one tenant when given); empty when gone. */
export async function findCurrent(
  ctx: ServiceContext,
  check: Check,
  fingerprint: string,
  tenantId: string | undefined,
  settings: HealthSettingsInput = {},
): Promise<Finding[]> {
  const checkContext: CheckContext = { em: ctx.em, blueprint: blueprintOf(ctx), now: ctx.now(), settings: healthSettings(ctx, settings), tenantId };
  return (await check.run(checkContext)).filter((candidate) => candidate.fingerprint === fingerprint);
}

export function checkFor(code: string): Check {
  const check = HEALTH_CHECKS.find((candidate) => candidate.code === code);
  if (!check) {
    throw TenantryError.invalidInput([{ path: 'code', message: `must be one of: ${HEALTH_CHECKS.map((candidate) => candidate.code).join(', ')}` }]);
  }
  return check;
}

async function tenantIdOf(ctx: ServiceContext, slug: string): Promise<string> {
  const tenant = await ctx.em.findOne(Tenant, { slug }, { fields: ['id'] });
  if (!tenant) throw TenantryError.tenantNotFound(slug);
  return tenant.id;
}

function worstFirst(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    a.code.localeCompare(b.code) ||
    (a.tenant?.slug ?? '').localeCompare(b.tenant?.slug ?? '') ||
    (a.subject ?? '').localeCompare(b.subject ?? '')
  );
}
