import { z } from 'zod';
import { TenantryError } from '../errors.ts';
import { defineOperation, type Planned } from '../operations/operation.ts';
import { Tenant } from '../modules/tenants/tenant.entity.ts';
import { checkFor, findCurrent } from './doctor.ts';
import type { Finding, RepairPlan } from './types.ts';

export const repairFindingInput = z.strictObject({
  code: z.string().min(1),
  /** The finding's tenant, when it is tenant-scoped. */
  slug: z.string().min(1).optional(),
  subject: z.string().nullable().optional(),
  /** The finding's fingerprint as the doctor reported it (code, tenant and subject). */
  fingerprint: z.string().min(1),
  confirm: z.string().optional(),
});
export type RepairFindingInput = z.input<typeof repairFindingInput>;

export interface RepairData {
  /** The finding as the check reports it now; null when it is gone. */
  finding: Finding | null;
  plan: RepairPlan | null;
}

/**
 * Repairs one doctor finding: the plan runs its check again (gone: unchanged) and is the repair's plan.
 * Repairs commit on their own (a nested operation, a migration run), so the operation owns its
 * transactions and gives a repair that does not one of its own.
 */
export const repairFinding = defineOperation({
  id: 'health.repair',
  summary: 'Repairs one doctor finding, as its check plans it.',
  scope: 'platform',
  ownTransactions: true,
  input: repairFindingInput,
  audit: ['health.repaired'],
  async plan(ctx, request): Promise<Planned<RepairData>> {
    const check = checkFor(request.code);
    const tenantId = request.slug ? (await ctx.em.findOne(Tenant, { slug: request.slug }, { fields: ['id'] }))?.id : undefined;
    if (request.slug && !tenantId) throw TenantryError.tenantNotFound(request.slug);
    const [finding] = await findCurrent(ctx, check, request.fingerprint, tenantId);
    if (!finding) return { steps: [], unchanged: true, basis: { finding: null }, data: { finding: null, plan: null } };
    if (!check.repair || !finding.repairable) {
      throw new TenantryError('PRECONDITION_FAILED', {
        message: `${finding.code} has no automatic repair here.`,
        details: { code: finding.code },
        hint: finding.remediation,
      });
    }
    const plan = await check.repair.plan(ctx, finding);
    return {
      steps: plan.steps,
      ...(plan.destructive ? { confirm: { text: plan.confirmText ?? '', label: 'the exact name the plan names' } } : {}),
      // Steps carry generated ids and the export file's time: the finding and the shape of the plan are the basis.
      basis: {
        finding: { message: finding.message, details: finding.details },
        actions: plan.steps.map((step) => step.action),
        confirmText: plan.confirmText,
        basis: plan.basis ?? null,
      },
      audit: {
        ...(finding.tenant ? { tenant: { id: finding.tenant.id, slug: finding.tenant.slug } } : {}),
        targetType: finding.scope === 'database' ? 'database' : 'tenant',
        ...(finding.subject ? { targetId: finding.subject } : {}),
        after: { code: finding.code, message: finding.message, steps: plan.steps.map((step) => step.description) },
      },
      data: { finding, plan },
    };
  },
  async apply(ctx, planned): Promise<RepairData> {
    const { finding, plan } = planned.data;
    const repair = finding ? checkFor(finding.code).repair : undefined;
    if (!finding || !plan || !repair) return planned.data;
    if (repair.managesTransactions) await repair.apply({ ...ctx, em: ctx.em.fork() }, finding, plan);
    else await ctx.em.fork().transactional((tx) => repair.apply({ ...ctx, em: tx }, finding, plan));
    return planned.data;
  },
});
