import type { ServiceContext } from '../../context.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { ChangeOutcome } from '../changes/change.ts';
import type { ChangeOptions } from '../changes/inputs.ts';
import { inTenantScope } from '../permissions/tenant-scope.ts';
import { confirmationRequired, invalidTransition } from './lifecycle-errors.ts';
import { deleteTenantInput, restoreTenantInput, type DeleteTenantInput, type RestoreTenantInput } from './lifecycle.schemas.ts';

const DAY = 86_400_000;

export interface DeletionOutcome extends ChangeOutcome {
  /** When the grace period ends and the tenant may be purged. */
  deletionScheduledAt: Date | null;
}

/**
 * Soft-deletes a tenant: `pending_deletion` for a grace period (default 30 days), restorable without
 * loss (its data space, members, domains and keys stay; they stop working). Needs the exact name.
 */
export async function deleteTenant(ctx: ServiceContext, input: DeleteTenantInput, options: ChangeOptions = {}): Promise<DeletionOutcome> {
  const request = parseInput(deleteTenantInput, input);
  return inTenantScope(ctx, request.slug, 'tenant.delete', async ({ tx, tenant }) => {
    if (tenant.status === 'pending_deletion') return { result: 'unchanged', steps: [], changes: [], deletionScheduledAt: tenant.deletionScheduledAt ?? null };
    if (tenant.status !== 'active' && tenant.status !== 'suspended') throw invalidTransition(tenant, 'delete', 'Only an active or suspended tenant can be deleted.');
    if (!options.dryRun && request.confirm !== tenant.name) throw confirmationRequired(tenant, request.confirm);
    const now = ctx.now();
    const deletionScheduledAt = new Date(now.getTime() + request.graceDays * DAY);
    const changes = [
      { field: 'status', from: tenant.status, to: 'pending_deletion' },
      { field: 'deletionScheduledAt', from: null, to: deletionScheduledAt },
    ];
    const steps = [
      { action: 'mark-pending-deletion', description: `Mark ${tenant.slug} ("${tenant.name}") pending deletion: its users, keys and invitations stop working` },
      { action: 'schedule-purge', description: `Keep everything restorable (\`tenantry tenant restore ${tenant.slug}\`) until ${deletionScheduledAt.toISOString()} (${request.graceDays} days); purge after that` },
    ];
    if (options.dryRun) return { result: 'planned', steps, changes, deletionScheduledAt };
    const statusBefore = tenant.status;
    tenant.statusBeforeDeletion = statusBefore;
    tenant.status = 'pending_deletion';
    tenant.deletionRequestedAt = now;
    tenant.deletionScheduledAt = deletionScheduledAt;
    recordAudit(ctx, tx, {
      action: 'tenant.deletion_requested',
      tenant: { id: tenant.id, slug: tenant.slug },
      targetType: 'tenant',
      targetId: tenant.id,
      before: { status: statusBefore },
      after: { status: 'pending_deletion', deletionScheduledAt, graceDays: request.graceDays, reason: request.reason ?? null },
    });
    await tx.flush();
    return { result: 'applied', steps, changes, deletionScheduledAt };
  });
}

/** Restores a tenant pending deletion to the status it had, with everything it had. */
export async function restoreTenant(ctx: ServiceContext, input: RestoreTenantInput, options: ChangeOptions = {}): Promise<DeletionOutcome> {
  const request = parseInput(restoreTenantInput, input);
  return inTenantScope(ctx, request.slug, 'tenant.restore', async ({ tx, tenant }) => {
    if (tenant.status !== 'pending_deletion') throw invalidTransition(tenant, 'restore', 'Only a tenant pending deletion can be restored.');
    const status = tenant.statusBeforeDeletion ?? 'active';
    const changes = [
      { field: 'status', from: 'pending_deletion', to: status },
      { field: 'deletionScheduledAt', from: tenant.deletionScheduledAt ?? null, to: null },
    ];
    const steps = [{ action: 'restore-tenant', description: `Restore ${tenant.slug} to ${status}, with its data space, members, domains, keys and invitations` }];
    if (options.dryRun) return { result: 'planned', steps, changes, deletionScheduledAt: null };
    const before = { status: 'pending_deletion', deletionRequestedAt: tenant.deletionRequestedAt ?? null, deletionScheduledAt: tenant.deletionScheduledAt ?? null };
    tenant.status = status;
    tenant.statusBeforeDeletion = null;
    tenant.deletionRequestedAt = null;
    tenant.deletionScheduledAt = null;
    recordAudit(ctx, tx, { action: 'tenant.restored', tenant: { id: tenant.id, slug: tenant.slug }, targetType: 'tenant', targetId: tenant.id, before, after: { status } });
    await tx.flush();
    return { result: 'applied', steps, changes, deletionScheduledAt: null };
  });
}
