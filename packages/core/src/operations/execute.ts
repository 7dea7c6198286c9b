import { LockMode } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { z } from 'zod';
import type { ServiceContext } from '../context.ts';
import { TenantryError } from '../errors.ts';
import { translateDatabaseError } from '../db/translate-error.ts';
import { hashOf } from '../lib/canonical-json.ts';
import { recordAudit, type AuditEntry } from '../modules/audit/audit.service.ts';
import { recordLifecycleEvent } from '../modules/events/record-events.ts';
import { auditSides } from '../modules/changes/change.ts';
import { authorize, requirePlatform, type Access } from '../modules/permissions/authorize.ts';
import type { Permission } from '../modules/permissions/permissions.ts';
import { assertStatusAllows } from '../modules/permissions/tenant-scope.ts';
import { assertFeatureAllows } from '../modules/plans/feature-gates.ts';
import { Tenant } from '../modules/tenants/tenant.entity.ts';
import { parseInput } from '../validation/parse-input.ts';
import type { Executed, Operation, OperationContext, Planned, RunOptions, TenantOperationContext } from './operation.ts';

/**
 * Runs one operation, the only way a change is made: validate the input, authorize (one definition of
 * the platform), lock the tenant and check its status, plan, answer the plan on a dry run, refuse a
 * plan that is not the one shown (PLAN_STALE) or a destructive one not confirmed, apply exactly that
 * plan, audit, raise the tenant's revision, commit. A dry run rolls its transaction back.
 */
export async function executeOperation<Schema extends z.ZodType, Data, Value>(
  ctx: ServiceContext,
  operation: Operation<Schema, Data, Value>,
  input: z.input<Schema>,
  options: RunOptions = {},
): Promise<Executed<Data, Value>> {
  const request = parseInput(operation.input, input) as Record<string, unknown>;
  if (operation.scope === 'platform') requirePlatform(ctx, operation.id);
  if (!operation.afterRefusal) return runOperation(ctx, operation, request, options);
  try {
    return await runOperation(ctx, operation, request, options);
  } catch (error) {
    if (error instanceof TenantryError) await operation.afterRefusal({ ...ctx, em: ctx.em.fork() }, error, request as never);
    throw error;
  }
}

async function runOperation<Schema extends z.ZodType, Data, Value>(
  ctx: ServiceContext,
  operation: Operation<Schema, Data, Value>,
  request: Record<string, unknown>,
  options: RunOptions,
): Promise<Executed<Data, Value>> {
  const work = (tx: SqlEntityManager) => runInTransaction(ctx, tx, operation as unknown as Operation<never, Data, Value>, request, options);
  // Its plan only reads; applying commits unit by unit (a migration run), then the audit on its own.
  if (operation.scope !== 'tenant' && operation.ownTransactions) return work(ctx.em.fork());
  if (!options.dryRun) {
    const executed = await applyWithRetry(ctx, (error) => operation.retryWhen?.(error, request as never) === true, work);
    if (executed.result !== 'applied' || !operation.afterCommit || executed.value === undefined) return executed;
    return { ...executed, value: await operation.afterCommit({ ...ctx, em: ctx.em.fork() }, executed.value) };
  }
  const em = ctx.em.fork();
  await em.begin();
  try {
    return await work(em);
  } finally {
    await em.rollback();
  }
}

async function applyWithRetry<Data, Value>(
  ctx: ServiceContext,
  retryWhen: (error: TenantryError) => boolean,
  work: (tx: SqlEntityManager) => Promise<Executed<Data, Value>>,
): Promise<Executed<Data, Value>> {
  try {
    return await ctx.em.fork().transactional(work);
  } catch (error) {
    if (!retryWhen(translateDatabaseError(error))) throw error;
    return ctx.em.fork().transactional(work);
  }
}

async function runInTransaction<Data, Value>(
  ctx: ServiceContext,
  tx: SqlEntityManager,
  operation: Operation<never, Data, Value>,
  request: Record<string, unknown>,
  options: RunOptions,
): Promise<Executed<Data, Value>> {
  const recorded: AuditEntry[] = [];
  const eventsOnly: AuditEntry[] = [];
  const base = {
    ...ctx,
    em: tx,
    tx,
    record: (entry: AuditEntry) => void recorded.push(entry),
    recordEvents: (entries: readonly AuditEntry[]) => void eventsOnly.push(...entries),
  };
  let tenant: Tenant | undefined;
  let planned: Planned<Data>;
  let octx: OperationContext;
  if (operation.scope === 'tenant') {
    const permission = operation.permission ?? (operation.id as Permission);
    tenant = await lockTenant(tx, String(request.slug), options.dryRun === true);
    const access = await authorize(ctx, tx, permission, tenant);
    assertStatusAllows(tenant, permission, access);
    assertFeatureAllows(tenant, operation.id);
    const tctx: TenantOperationContext = { ...base, access, tenant };
    octx = tctx;
    planned = await operation.plan(tctx, request as never);
  } else {
    octx = { ...base, access: operation.scope === 'platform' ? PLATFORM_ACCESS : credentialAccess(ctx) };
    planned = await operation.plan(octx, request as never);
  }
  const header = {
    steps: planned.steps,
    changes: planned.changes ?? [],
    fingerprint: fingerprintOf(operation, request, planned, tenant),
    confirmText: planned.confirm?.text ?? null,
    data: planned.data,
  };
  if (planned.unchanged) return { result: 'unchanged', ...header };
  if (options.dryRun) return { result: 'planned', ...header };
  if (options.expectFingerprint !== undefined && options.expectFingerprint !== header.fingerprint) {
    throw TenantryError.planStale(operation.id, options.expectFingerprint, { fingerprint: header.fingerprint, steps: header.steps, changes: header.changes });
  }
  if (planned.confirm && request.confirm !== planned.confirm.text) throw confirmationRequired(planned.confirm.label, request.confirm);
  const value =
    operation.scope === 'tenant' && tenant
      ? await operation.apply({ ...octx, tenant }, planned, request as never)
      : await (operation as Extract<Operation<never, Data, Value>, { scope: 'platform' | 'credential' }>).apply(octx, planned, request as never);
  // What the change did along the way first, then the change itself (a new user, then the accepted invitation).
  for (const entry of recorded) recordAudit(octx, tx, entry);
  recordAudit(octx, tx, mainAuditEntry(operation, planned, tenant));
  for (const entry of eventsOnly) recordLifecycleEvent(octx, tx, entry);
  if (tenant) tenant.revision += 1;
  if (operation.scope !== 'tenant' && operation.ownTransactions) {
    // Its work is committed, each part audited on its own: a closing event lost to an outage must not
    // hide the report (which says where the run stopped) behind the outage.
    await tx.flush().catch(() => undefined);
  } else {
    await tx.flush();
  }
  return { result: 'applied', ...header, value };
}

const PLATFORM_ACCESS: Access = { platform: true, roles: [], userId: null };

/** Whoever holds a credential acts on its strength, not on their own: no platform rights, no roles. */
function credentialAccess(ctx: ServiceContext): Access {
  return { platform: false, roles: [], userId: ctx.actor.type === 'user' ? (ctx.actor.id ?? null) : null };
}

async function lockTenant(tx: SqlEntityManager, slug: string, dryRun: boolean): Promise<Tenant> {
  const tenant = await tx.findOne(Tenant, { slug }, dryRun ? {} : { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!tenant) throw TenantryError.tenantNotFound(slug);
  return tenant;
}

/** The operation, its request without secrets or the typed-back confirmation, and the state it was planned from. */
function fingerprintOf(
  operation: Pick<Operation, 'id' | 'secretFields'>,
  request: Record<string, unknown>,
  planned: Planned<unknown>,
  tenant: Tenant | undefined,
): string {
  const hidden = new Set(['confirm', ...(operation.secretFields ?? [])]);
  const visible = Object.fromEntries(Object.entries(request).filter(([key]) => !hidden.has(key)));
  return hashOf({ operation: operation.id, request: visible, revision: tenant?.revision ?? null, basis: planned.basis ?? null }).slice(0, 16);
}

function mainAuditEntry(operation: Pick<Operation, 'id' | 'audit'>, planned: Planned<unknown>, tenant: Tenant | undefined): AuditEntry {
  const subject = planned.audit ?? {};
  const action = subject.action ?? operation.audit[0];
  if (!operation.audit.includes(action)) throw TenantryError.internal(new Error(`${operation.id} does not declare the audit action ${action}`));
  const sides = auditSides(planned.changes ?? []);
  return {
    action,
    ...(subject.tenant ? { tenant: subject.tenant } : tenant ? { tenant: { id: tenant.id, slug: tenant.slug } } : {}),
    targetType: subject.targetType ?? 'tenant',
    ...((subject.targetId ?? tenant?.id) ? { targetId: subject.targetId ?? tenant?.id } : {}),
    before: subject.before ?? sides.before,
    after: subject.after ?? sides.after,
  };
}

/** The typed-back text is missing or wrong. The text is not echoed: copying it from an error would defeat typing it back. */
function confirmationRequired(label: string, given: unknown): TenantryError {
  return TenantryError.invalidInput([
    typeof given !== 'string'
      ? { path: 'confirm', message: `is required: type ${label} back to confirm` }
      : { path: 'confirm', message: `"${given}" is not ${label} (case and spaces count)` },
  ]);
}
