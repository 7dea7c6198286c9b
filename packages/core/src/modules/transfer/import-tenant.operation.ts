import { z } from 'zod';
import { defineOperation } from '../../operations/operation.ts';
import { applyTenantImport, importSummary, planTenantImport, type ImportSummary } from './import.service.ts';

export const importTenantInput = z.strictObject({
  /** The export file's text. */
  text: z.string().min(1),
  /** Import under this slug (a copy with new ids) instead of the exported one. */
  slug: z.string().optional(),
  /** The key the file was signed with when it comes from another installation; default: this installation's. */
  exportKey: z.string().optional(),
});
export type ImportTenantInput = z.input<typeof importTenantInput>;

/**
 * Restores an export, or imports a copy of it under a new slug, in one transaction: the plan is the import
 * plan (signature and rows checked, ids, users to link, domains, migrations), and applying carries out
 * exactly that plan. All or nothing.
 */
export const importTenantOperation = defineOperation({
  id: 'tenant.import',
  summary: 'Restores a tenant from an export file, or imports a copy of it under a new slug.',
  scope: 'platform',
  input: importTenantInput,
  audit: ['tenant.imported'],
  secretFields: ['exportKey'],
  async plan(ctx, request) {
    const planned = await planTenantImport(ctx, ctx.tx, request.text, request);
    const summary = importSummary(planned);
    const { plan } = planned;
    return {
      steps: plan.steps,
      // What the plan read here; not the fresh ids a copy gets, which differ every time it is planned.
      basis: { replacesTombstone: plan.replacesTombstone, ...summary, tenant: plan.renamed ? null : summary.tenant, usersLinked: plan.usersLinked },
      audit: {
        tenant: { id: plan.tenantId, slug: plan.slug },
        targetType: 'tenant',
        targetId: plan.tenantId,
        after: {
          from: summary.from,
          renamed: plan.renamed,
          usersLinked: plan.usersLinked.length,
          skippedDomains: plan.skippedDomains,
          migrationsRun: plan.migrationsAfter,
        },
      },
      data: { summary, planned },
    };
  },
  async apply(ctx, plan): Promise<ImportSummary> {
    await applyTenantImport(ctx, ctx.tx, plan.data.planned);
    return plan.data.summary;
  },
});
