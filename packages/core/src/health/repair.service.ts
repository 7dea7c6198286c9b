import type { ServiceContext } from '../context.ts';
import { TenantryError } from '../errors.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { checkFor, recheck, runDoctor } from './doctor.ts';
import type { Finding, RepairPlan } from './types.ts';

export interface RepairSelection {
  /** Only findings of this check. */
  code?: string;
  /** Only findings of this tenant. */
  slug?: string;
}

export interface PlannedRepair {
  finding: Finding;
  plan: RepairPlan;
}

export interface RepairOutcome extends PlannedRepair {
  /** The same finding after the repair, when the check still reports it; null when it is gone. */
  remaining: Finding | null;
}

/** The repairable findings that match, each with its plan (steps and SQL); nothing is written. */
export async function planRepairs(ctx: ServiceContext, selection: RepairSelection = {}): Promise<PlannedRepair[]> {
  if (selection.code) checkFor(selection.code);
  const report = await runDoctor(ctx, selection.slug ? { slug: selection.slug } : {});
  const findings = report.findings.filter((finding) => finding.repairable && (!selection.code || finding.code === selection.code));
  const planned: PlannedRepair[] = [];
  for (const finding of findings) planned.push({ finding, plan: await planFor(ctx, finding) });
  return planned;
}

/**
 * Repairs one finding in one transaction, audited, then runs its check again. A destructive repair needs
 * `confirm` equal to the plan's confirmation text (the exact tenant or schema name).
 */
export async function applyRepair(ctx: ServiceContext, finding: Finding, options: { confirm?: string } = {}): Promise<RepairOutcome> {
  const check = checkFor(finding.code);
  const repair = check.repair;
  if (!repair || !finding.repairable) {
    throw new TenantryError('PRECONDITION_FAILED', { message: `${finding.code} has no automatic repair here.`, details: { code: finding.code }, hint: finding.remediation });
  }
  const plan = await repair.plan(ctx, finding);
  if (plan.destructive && options.confirm !== plan.confirmText) {
    throw new TenantryError('CONFIRMATION_REQUIRED', {
      message: `This repair destroys data: confirm it with the exact name "${plan.confirmText ?? ''}".`,
      details: { code: finding.code, expected: plan.confirmText },
      hint: 'Pass --confirm "<exact name>" (with --yes without a terminal), or type the name when asked.',
    });
  }
  if (repair.managesTransactions) await repair.apply({ ...ctx, em: ctx.em.fork() }, finding, plan);
  await ctx.em.fork().transactional(async (tx) => {
    const txCtx = { ...ctx, em: tx };
    if (!repair.managesTransactions) await repair.apply(txCtx, finding, plan);
    recordAudit(txCtx, tx, {
      action: 'health.repaired',
      ...(finding.tenant ? { tenant: { id: finding.tenant.id, slug: finding.tenant.slug } } : {}),
      targetType: finding.scope === 'database' ? 'database' : 'tenant',
      ...(finding.subject ? { targetId: finding.subject } : {}),
      after: { code: finding.code, message: finding.message, steps: plan.steps.map((step) => step.description) },
    });
    await tx.flush();
  });
  const [remaining] = await recheck({ ...ctx, em: ctx.em.fork() }, check, finding);
  return { finding, plan, remaining: remaining ?? null };
}

async function planFor(ctx: ServiceContext, finding: Finding): Promise<RepairPlan> {
  const repair = checkFor(finding.code).repair;
  if (!repair) throw new TenantryError('PRECONDITION_FAILED', { message: `${finding.code} has no automatic repair.`, hint: finding.remediation });
  return repair.plan(ctx, finding);
}
