import type { ServiceContext } from '../../context.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { diffValues, type ChangeOutcome } from '../changes/change.ts';
import type { ChangeOptions } from '../changes/inputs.ts';
import { inTenantScope } from '../permissions/tenant-scope.ts';
import { invalidTransition } from './lifecycle-errors.ts';
import { extendTrialInput, resumeTenantInput, suspendTenantInput, type ExtendTrialInput, type ResumeTenantInput, type SuspendTenantInput } from './lifecycle.schemas.ts';

const DAY = 86_400_000;

/** Suspends an active tenant: its users and API keys stop working until it is resumed; nothing is lost. */
export async function suspendTenant(ctx: ServiceContext, input: SuspendTenantInput, options: ChangeOptions = {}): Promise<ChangeOutcome> {
  const request = parseInput(suspendTenantInput, input);
  return inTenantScope(ctx, request.slug, 'tenant.suspend', async ({ tx, tenant }) => {
    if (tenant.status === 'suspended') return { result: 'unchanged', steps: [], changes: [] };
    if (tenant.status !== 'active') throw invalidTransition(tenant, 'suspend', 'Only an active tenant can be suspended.');
    const changes = [{ field: 'status', from: 'active', to: 'suspended' }];
    const steps = [{ action: 'suspend-tenant', description: `Suspend ${tenant.slug}${request.reason ? ` (${request.reason})` : ''}: its users and API keys stop working until it is resumed` }];
    if (options.dryRun) return { result: 'planned', steps, changes };
    tenant.status = 'suspended';
    tenant.suspendedAt = ctx.now();
    tenant.suspensionReason = request.reason ?? null;
    recordAudit(ctx, tx, { action: 'tenant.suspended', tenant: { id: tenant.id, slug: tenant.slug }, targetType: 'tenant', targetId: tenant.id, before: { status: 'active' }, after: { status: 'suspended', reason: request.reason ?? null } });
    await tx.flush();
    return { result: 'applied', steps, changes };
  });
}

/** Resumes a suspended tenant. */
export async function resumeTenant(ctx: ServiceContext, input: ResumeTenantInput, options: ChangeOptions = {}): Promise<ChangeOutcome> {
  const request = parseInput(resumeTenantInput, input);
  return inTenantScope(ctx, request.slug, 'tenant.resume', async ({ tx, tenant }) => {
    if (tenant.status === 'active') return { result: 'unchanged', steps: [], changes: [] };
    if (tenant.status !== 'suspended') throw invalidTransition(tenant, 'resume', 'Only a suspended tenant can be resumed.');
    const changes = [{ field: 'status', from: 'suspended', to: 'active' }];
    const steps = [{ action: 'resume-tenant', description: `Resume ${tenant.slug}, suspended since ${tenant.suspendedAt?.toISOString() ?? '(unknown)'}${tenant.suspensionReason ? ` (${tenant.suspensionReason})` : ''}` }];
    if (options.dryRun) return { result: 'planned', steps, changes };
    const before = { status: 'suspended', suspendedAt: tenant.suspendedAt ?? null, reason: tenant.suspensionReason ?? null };
    tenant.status = 'active';
    tenant.suspendedAt = null;
    tenant.suspensionReason = null;
    recordAudit(ctx, tx, { action: 'tenant.resumed', tenant: { id: tenant.id, slug: tenant.slug }, targetType: 'tenant', targetId: tenant.id, before, after: { status: 'active', reason: request.reason ?? null } });
    await tx.flush();
    return { result: 'applied', steps, changes };
  });
}

/** Extends (or starts) a trial by N days, from its current end or from now when it has ended. */
export async function extendTrial(ctx: ServiceContext, input: ExtendTrialInput, options: ChangeOptions = {}): Promise<ChangeOutcome & { trialEndsAt: Date }> {
  const request = parseInput(extendTrialInput, input);
  return inTenantScope(ctx, request.slug, 'tenant.trial', async ({ tx, tenant }) => {
    if (tenant.status !== 'active' && tenant.status !== 'suspended') throw invalidTransition(tenant, 'extend the trial of', 'Only an active or suspended tenant has a trial to extend.');
    const now = ctx.now();
    const from = tenant.trialEndsAt && tenant.trialEndsAt > now ? tenant.trialEndsAt : now;
    const trialEndsAt = new Date(from.getTime() + request.extendDays * DAY);
    const changes = diffValues({ trialEndsAt: tenant.trialEndsAt ?? null }, { trialEndsAt });
    const steps = [{ action: 'extend-trial', description: `Extend the trial of ${tenant.slug} by ${request.extendDays} days, to ${trialEndsAt.toISOString()}` }];
    if (options.dryRun) return { result: 'planned', steps, changes, trialEndsAt };
    const before = { trialEndsAt: tenant.trialEndsAt ?? null };
    tenant.trialEndsAt = trialEndsAt;
    recordAudit(ctx, tx, { action: 'tenant.trial_extended', tenant: { id: tenant.id, slug: tenant.slug }, targetType: 'tenant', targetId: tenant.id, before, after: { trialEndsAt, extendDays: request.extendDays } });
    await tx.flush();
    return { result: 'applied', steps, changes, trialEndsAt };
  });
}
