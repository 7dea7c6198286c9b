import { TenantryError } from '../../errors.ts';
import { applyTenantMigrations } from '../../modules/migrations/apply-tenant-migrations.ts';
import { tenantMigrationStatus } from '../../isolation/migration-status.ts';
import type { Check, Finding, Repair } from '../types.ts';

const applyPending: Repair = {
  managesTransactions: true,
  async plan(ctx, finding) {
    const slug = finding.tenant?.slug ?? '';
    const run = await applyTenantMigrations(ctx, { tenants: [slug] }, { dryRun: true });
    return { destructive: false, confirmText: null, steps: run.steps };
  },
  async apply(ctx, finding) {
    const run = await applyTenantMigrations(ctx, { tenants: [finding.tenant?.slug ?? ''] });
    const failure = run.units.find((unit) => unit.outcome === 'failed')?.error;
    if (failure) throw new TenantryError(failure.code, { message: failure.message, details: failure.details, ...(failure.hint ? { hint: failure.hint } : {}) });
  },
};

export const migrationsBehind: Check = {
  code: 'TENANT_MIGRATIONS_BEHIND',
  title: 'Tenant migrations behind the blueprint',
  severity: 'warn',
  scope: 'tenant',
  description:
    "A tenant whose data space lacks blueprint migrations the others have: a roll-out that stopped, failed for this tenant, or a tenant restored from an old export. The application's newer code may fail on its tables.",
  remediation: 'Apply the missing migrations (`tenantry migrate apply --tenant <slug>`, or `tenantry repair TENANT_MIGRATIONS_BEHIND <slug>`).',
  repair: applyPending,
  async run(ctx) {
    const status = await tenantMigrationStatus(ctx.em, ctx.blueprint);
    return status.behind
      .filter((tenant) => tenant.status !== 'provisioning' && (!ctx.tenantId || tenant.id === ctx.tenantId))
      .map((tenant): Finding => ({
        code: this.code,
        severity: this.severity,
        scope: 'tenant',
        tenant: { id: tenant.id, slug: tenant.slug, name: tenant.slug },
        subject: null,
        message: `${tenant.slug} lacks ${tenant.missing.length} blueprint migration(s): ${tenant.missing.join(', ')}.`,
        remediation: this.remediation,
        repairable: true,
        fingerprint: `${this.code}:${tenant.id}:`,
        details: { missing: tenant.missing, isolation: tenant.isolation },
      }));
  },
};

export const migrationDrift: Check = {
  code: 'TENANT_MIGRATION_CHECKSUM_CHANGED',
  title: 'Applied tenant migration changed since',
  severity: 'warn',
  scope: 'tenant',
  description:
    'A blueprint migration whose text (or version) changed after tenants applied it: those tenants have the old version. Tenantry never re-runs it silently.',
  remediation: 'Restore the migration as it shipped and put the change in a new migration, then `tenantry migrate apply --all`.',
  async run(ctx) {
    const status = await tenantMigrationStatus(ctx.em, ctx.blueprint);
    const tenants = await ctx.em.execute<{ id: string; slug: string; name: string }[]>('select id, slug, name from tenantry.tenants');
    const bySlug = new Map(tenants.map((tenant) => [tenant.slug, tenant]));
    return status.drifted.flatMap((drift): Finding[] => {
      const tenant = bySlug.get(drift.slug);
      if (!tenant || (ctx.tenantId && tenant.id !== ctx.tenantId)) return [];
      return [
        {
          code: this.code,
          severity: this.severity,
          scope: 'tenant',
          tenant,
          subject: drift.migrationId,
          message: `${drift.slug} applied ${drift.migrationId} on ${new Date(drift.appliedAt).toISOString().slice(0, 10)} with a checksum the blueprint no longer has.`,
          remediation: this.remediation,
          repairable: false,
          fingerprint: `${this.code}:${tenant.id}:${drift.migrationId}`,
          details: { migration: drift.migrationId, appliedChecksum: drift.appliedChecksum, expectedChecksum: drift.expectedChecksum },
        },
      ];
    });
  },
};
