import type { ServiceContext } from '../context.ts';
import { TenantryError } from '../errors.ts';
import { executeOperation } from '../operations/execute.ts';
import type { RunOptions } from '../operations/operation.ts';
import { checkFor, recheck, runDoctor } from './doctor.ts';
import { repairFinding } from './repair.operation.ts';
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
  /** The plan's fingerprint: apply with it to refuse a plan that changed since (PLAN_STALE). */
  fingerprint: string;
}

export interface RepairOutcome extends PlannedRepair {
  result: 'applied' | 'unchanged' | 'planned';
  /** The same finding after the repair, when the check still reports it; null when it is gone. */
  remaining: Finding | null;
}

export interface RepairOptions extends RunOptions {
  /** A destructive repair: the plan's confirmation text, typed back. */
  confirm?: string;
}

/** The repairable findings that match, each with its plan (steps and SQL) and fingerprint; nothing is written. */
export async function planRepairs(ctx: ServiceContext, selection: RepairSelection = {}): Promise<PlannedRepair[]> {
  if (selection.code) checkFor(selection.code);
  const report = await runDoctor(ctx, selection.slug ? { slug: selection.slug } : {});
  const findings = report.findings.filter((finding) => finding.repairable && (!selection.code || finding.code === selection.code));
  const planned: PlannedRepair[] = [];
  for (const finding of findings) {
    const outcome = await runRepair(ctx, finding, { dryRun: true });
    if (outcome.plan) planned.push({ finding: outcome.finding, plan: outcome.plan, fingerprint: outcome.fingerprint });
  }
  return planned;
}

/**
 * Repairs one finding through the executor (the `health.repair` operation), then runs its check again.
 * A destructive repair needs `confirm` equal to the plan's confirmation text (the exact tenant or schema name).
 */
export async function applyRepair(ctx: ServiceContext, finding: Finding, options: RepairOptions = {}): Promise<RepairOutcome> {
  const check = checkFor(finding.code);
  if (!check.repair || !finding.repairable) {
    throw new TenantryError('PRECONDITION_FAILED', {
      message: `${finding.code} has no automatic repair here.`,
      details: { code: finding.code },
      hint: finding.remediation,
    });
  }
  const outcome = await runRepair(ctx, finding, options);
  const [remaining] = options.dryRun ? [outcome.finding] : await recheck({ ...ctx, em: ctx.em.fork() }, check, finding);
  return { ...outcome, plan: outcome.plan ?? { steps: [], destructive: false, confirmText: null }, remaining: remaining ?? null };
}

async function runRepair(ctx: ServiceContext, finding: Finding, options: RepairOptions) {
  const input = {
    code: finding.code,
    ...(finding.tenant ? { slug: finding.tenant.slug } : {}),
    subject: finding.subject,
    fingerprint: finding.fingerprint,
    ...(options.confirm !== undefined ? { confirm: options.confirm } : {}),
  };
  try {
    const executed = await executeOperation(ctx, repairFinding, input, {
      ...(options.dryRun ? { dryRun: true } : {}),
      ...(options.expectFingerprint !== undefined ? { expectFingerprint: options.expectFingerprint } : {}),
    });
    return { result: executed.result, finding: executed.data.finding ?? finding, plan: executed.data.plan, fingerprint: executed.fingerprint };
  } catch (error) {
    throw confirmationError(error, finding);
  }
}

/** The executor refuses a missing or wrong typed-back name as invalid input; a repair names it as before. */
function confirmationError(error: unknown, finding: Finding): unknown {
  if (!(error instanceof TenantryError) || error.code !== 'INVALID_INPUT') return error;
  const issues = (error.details as { issues?: { path: string }[] } | undefined)?.issues ?? [];
  if (!issues.some((issue) => issue.path === 'confirm')) return error;
  return new TenantryError('CONFIRMATION_REQUIRED', {
    message: 'This repair destroys data: confirm it with the exact name the plan names.',
    details: { code: finding.code },
    hint: 'Pass --confirm "<exact name>" (with --yes without a terminal), or type the name when asked.',
  });
}
