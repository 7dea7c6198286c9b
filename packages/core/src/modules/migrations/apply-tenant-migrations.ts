import type { ServiceContext } from '../../context.ts';
import { TenantryError } from '../../errors.ts';
import { runTenantMigrations, type MigrationProgress, type TenantMigrationRun } from '../../isolation/migration-apply.ts';
import { tenantMigrationStatus } from '../../isolation/migration-status.ts';
import type { RecordMigrationEvent } from '../../isolation/migration-unit.ts';
import { blueprintOf } from '../../isolation/sample-blueprint.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requirePlatform } from '../permissions/authorize.ts';
import { applyTenantMigrationsInput } from './apply-migrations.schemas.ts';

/**
 * Rolls the blueprint's migrations out to every tenant that is behind (`all`), or the named ones, for
 * the platform: each unit its own transaction, every outcome (and failure) in the audit trail. See
 * `runTenantMigrations` (isolation/) for the order, the canaries and when a run stops.
 */
export async function applyTenantMigrations(
  ctx: ServiceContext,
  input: unknown,
  options: { dryRun?: boolean; onProgress?: (progress: MigrationProgress) => void } = {},
): Promise<TenantMigrationRun> {
  requirePlatform(ctx, 'migrate.apply');
  const request = parseInput(applyTenantMigrationsInput, input);
  const blueprint = blueprintOf(ctx);
  const status = await tenantMigrationStatus(ctx.em.fork(), blueprint);
  const named = request.tenants && request.tenants.length > 0 ? await existingSlugs(ctx, request.tenants) : undefined;
  const record: RecordMigrationEvent = (tx, event) => void recordAudit(ctx, tx, event);
  const { concurrency, canary, continueOnError, lockTimeoutMs } = request;
  return runTenantMigrations(ctx, blueprint, status, { all: request.all, ...(named ? { only: named } : {}) }, {
    concurrency,
    canary,
    continueOnError,
    lockTimeoutMs,
    record,
    ...(options.dryRun ? { dryRun: true } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}

/** The named slugs, every one a live tenant; TENANT_NOT_FOUND names those that are not. */
async function existingSlugs(ctx: ServiceContext, slugs: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(slugs)];
  const found = await ctx.em.fork().execute<{ slug: string }[]>(`select slug from tenantry.tenants where slug in (?) and status <> 'deleted'`, [wanted]);
  const known = new Set(found.map((row) => row.slug));
  const missing = wanted.filter((slug) => !known.has(slug));
  if (missing.length > 0) {
    const error = TenantryError.tenantNotFound(missing[0] as string);
    throw new TenantryError('TENANT_NOT_FOUND', { message: `No tenant with slug ${missing.map((slug) => `"${slug}"`).join(', ')}.`, details: { slugs: missing }, ...(error.hint ? { hint: error.hint } : {}) });
  }
  return known;
}
