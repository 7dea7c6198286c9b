import {
  authorizeTenantOperation,
  checkSlug,
  describeDataSpace,
  getTenantDetails,
  listTenants,
  provisionOutcome,
  provisionTenantOperation,
  requirePlatform,
  suggestSlugs,
  type ListTenantsInput,
  type ProvisionOutcome,
  type ProvisionTenantInput,
  type SlugCheck,
  updateSecurityPolicy,
  updateSettings,
  setMonitoring,
  seedDemo,
  type UpdatePolicyInput,
  type UpdateSettingsInput,
  type DeleteTenantInput,
  type EndTrialInput,
  type ExtendTrialInput,
  type SetBillingInput,
  type SetMonitoringInput,
  type SeedDemoInput,
  type PurgeTenantInput,
  type RestoreTenantInput,
  type ResumeTenantInput,
  type SuspendTenantInput,
} from '@tenantry/core';
import type { ClientRuntime } from '../runtime.ts';
import { toDataSpaceDto, toDemoSeedDto, type DataSpaceDto, type DemoSeedResultDto } from '../dto/data-space.ts';
import { toChangeDto, toStepDtos, type ChangeDto } from '../dto/change.ts';
import { toMemberDto } from '../dto/members.ts';
import type { OperationOptions } from '../operation-options.ts';
import type { PolicyChangeDto } from './tenant-changes.ts';
import {
  LIFECYCLE,
  toBillingDto,
  toDeletionDto,
  toPurgeDto,
  toTrialDto,
  type BillingResultDto,
  type DeletionResultDto,
  type PurgeResultDto,
  type TrialResultDto,
} from './tenant-lifecycle.ts';
import {
  exportToFile,
  importFrom,
  restoreTablesFrom,
  type ExportKeyOption,
  type ImportSource,
  type TenantExportResultDto,
  type TenantImportResultDto,
  type TablesRestoredDto,
} from './tenant-transfer.ts';
import { provisionBulkFrom, type BulkProvisionOptions, type BulkReportDto, type BulkSource } from './bulk.ts';
import { toDomainDto } from '../dto/domains.ts';
import { toTenantDto, toTenantSummaryDto, type ProvisionResultDto, type TenantDetailsDto, type TenantListDto } from '../dto.ts';

/**
 * @example
 * ```ts
 * const plan = await tenantry.tenants.provision({ name: 'Acme Corp', ownerEmail: 'owner@acme.com' }, { dryRun: true });
 * const created = await tenantry.tenants.provision({ name: 'Acme Corp', ownerEmail: 'owner@acme.com', plan: 'professional' });
 * console.log(created.owner.oneTimePassword); // shown once
 * const page = await tenantry.tenants.list({ status: 'active', limit: 50 });
 * try {
 *   await tenantry.tenants.get('no-such-tenant');
 * } catch (error) {
 *   if (error instanceof TenantryError && error.code === 'TENANT_NOT_FOUND') console.log('not there');
 * }
 * ```
 */
export class Tenants {
  readonly #runtime: ClientRuntime;

  constructor(runtime: ClientRuntime) {
    this.#runtime = runtime;
  }

  /**
   * Provisions a tenant with its owner, role, domains, data space and audit trail, in one transaction.
   * `ownerPassword: 'none'` creates a new owner without a password (sign-in through SSO or a reset)
   * instead of a generated one-time password; `'chosen'` keeps the given `ownerPassword` as the owner's
   * own (self-service sign-up), with no change forced at first login. A dry run returns the plan (every statement it runs, with
   * its `fingerprint`); `expectFingerprint` applies exactly that plan or fails with `PLAN_STALE`.
   *
   * Schema mode: `schemaName` names the tenant's schema (default `tenant_<slug>`); with `adoptSchema: true`
   * the tenant is provisioned around that existing schema instead: the blueprint migrations it already has
   * are recorded without running them, the rest run, and its data stays (`adoption` in the result says
   * which; see docs/architecture.md, "Adopting an existing schema").
   *
   * @example
   * ```ts
   * const plan = await tenantry.tenants.provision(
   *   { name: 'Theo Stam', ownerEmail: 'owner@theo.example', isolation: 'schema', schemaName: 'theo', adoptSchema: true },
   *   { dryRun: true },
   * );
   * console.log(plan.adoption); // { schema: 'theo', recorded: ['0001_assets', '0002_devices'], run: ['0003_qr_contents'] }
   * ```
   *
   * @throws {@link TenantryError} `INVALID_INPUT`, `FORBIDDEN`, `SLUG_TAKEN`, `EMAIL_TAKEN`, `HOSTNAME_TAKEN`, `SCHEMA_TAKEN`, `SCHEMA_NOT_FOUND`, `SCHEMA_NOT_ADOPTABLE`, `CONFLICT`, `INVALID_CREDENTIALS`, `BLUEPRINT_INVALID`, `PLAN_STALE`; and, like every method, a database code (see `TenantryClient`)
   */
  async provision(
    input: ProvisionTenantInput,
    options: OperationOptions & { ownerPassword?: 'generate' | 'none' | 'chosen' } = {},
  ): Promise<ProvisionResultDto> {
    const { ownerPassword, ...run } = options;
    const executed = await this.#runtime.execute(
      provisionTenantOperation,
      { ...input, ...(ownerPassword ? { ownerPasswordMode: ownerPassword === 'generate' ? 'generated' : ownerPassword } : {}) },
      run,
    );
    return toProvisionResult(provisionOutcome(executed), this.#runtime.options.now());
  }

  /**
   * A tenant with its domains, members and owners. Throws TENANT_NOT_FOUND.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`; and, like every method, a database code (see `TenantryClient`)
   */
  async get(slug: string): Promise<TenantDetailsDto> {
    return this.#runtime.run(async (ctx) => {
      await authorizeTenantOperation(ctx, slug, 'tenant.view');
      const details = await getTenantDetails(ctx.em, slug, ctx.now());
      const members = details.members.map(toMemberDto);
      return {
        ...toTenantDto(details.tenant, ctx.now()),
        domains: details.domains.map(toDomainDto),
        members,
        owners: members.filter((member) => member.roles.includes('owner')),
        usersUsed: details.usage.maxUsers.used ?? 0,
        usage: details.usage,
      };
    });
  }

  /**
   * A page of tenants ordered by slug, filtered by status, plan or a search on slug and name. Page with
   * `cursor: page.nextCursor` until it is null (or with `offset`); `total` counts every match.
   *
   * @throws {@link TenantryError} `INVALID_INPUT`, `FORBIDDEN`; and, like every method, a database code (see `TenantryClient`)
   */
  async list(filter: ListTenantsInput = {}): Promise<TenantListDto> {
    return this.#runtime.run(async (ctx) => {
      requirePlatform(ctx, 'tenant.list');
      const page = await listTenants(ctx.em, ctx.now(), filter);
      return { items: page.items.map((item) => toTenantSummaryDto(item, ctx.now())), total: page.total, nextCursor: page.nextCursor };
    });
  }

  /**
   * Provisions every tenant of a CSV or JSON file (the seeds' format): all rows are checked before anything
   * is written, then each tenant is its own transaction. The report has each row's outcome (created,
   * unchanged, failed with code and message) and a summary; failures do not throw. Re-running the same
   * file creates exactly the tenants still missing.
   *
   * @throws {@link TenantryError} `INVALID_INPUT`, `FORBIDDEN`, `PARTIAL_FAILURE`; and, like every method, a database code (see `TenantryClient`)
   */
  async provisionBulk(source: BulkSource, options: BulkProvisionOptions = {}): Promise<BulkReportDto> {
    return provisionBulkFrom(this.#runtime, source, options);
  }

  /**
   * Writes the tenant's control-plane records and its data space to one versioned file (JSON Lines signed
   * with this installation's export key, or `exportKey`; mode 0600: it holds password and key hashes).
   * `file: null` returns the text instead.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `DATA_SPACE_MISSING`; and, like every method, a database code (see `TenantryClient`)
   */
  async export(slug: string, options: { file: string | null } & ExportKeyOption & OperationOptions): Promise<TenantExportResultDto & { text?: string }> {
    const { file, ...rest } = options;
    const { result, text } = await exportToFile(this.#runtime, slug, file, rest);
    return file === null && result.result === 'applied' ? { ...result, text } : result;
  }

  /**
   * Restores an export (`{ file }` or `{ text }`) in one transaction; `slug` imports a copy under a new
   * slug with new ids. Existing users (same email) are linked, never overwritten. The file's signature is
   * verified with this installation's export key, or `exportKey` (a file from another installation), and
   * every row must be of the tenant it exports: EXPORT_INVALID otherwise.
   *
   * @throws {@link TenantryError} `INVALID_INPUT`, `FORBIDDEN`, `EXPORT_INVALID`, `EXPORT_VERSION_UNSUPPORTED`, `BLUEPRINT_MISMATCH`, `SLUG_TAKEN`, `EMAIL_TAKEN`, `HOSTNAME_TAKEN`; and, like every method, a database code (see `TenantryClient`)
   */
  async import(source: ImportSource, options: { slug?: string } & ExportKeyOption & OperationOptions = {}): Promise<TenantImportResultDto> {
    return importFrom(this.#runtime, source, options);
  }

  /**
   * Restores chosen tables of a live tenant (`into`) from its export, in one transaction: each exported row
   * is put back by its primary key (updated or inserted), the tenant's rows the export lacks are deleted,
   * and tables not named are left as they are. Destroys live rows: `confirm` is the tenant's exact name
   * (the plan's `confirmText`). The export must be of this tenant, with the tenant migrations it has now.
   *
   * @throws {@link TenantryError} `INVALID_INPUT` (`tables`, `text`, `confirm`), `FORBIDDEN`, `EXPORT_INVALID`, `BLUEPRINT_MISMATCH`, `TENANT_NOT_FOUND`, `PLAN_STALE`
   */
  async restoreTables(
    source: ImportSource,
    options: { into: string; tables: string[]; confirm?: string } & ExportKeyOption & OperationOptions,
  ): Promise<TablesRestoredDto> {
    return restoreTablesFrom(this.#runtime, source, options);
  }

  /**
   * The tenant's data space: schema, blueprint migrations applied and pending, usage against limits.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `DATA_SPACE_MISSING`; and, like every method, a database code (see `TenantryClient`)
   */
  async dataSpace(slug: string): Promise<DataSpaceDto> {
    return this.#runtime.run(async (ctx) => toDataSpaceDto(await describeDataSpace(ctx, slug)));
  }

  /**
   * Seeds the blueprint's demo data into an existing tenant's data space (one made with `skipDemoData`,
   * say), in one transaction, with the very statements provisioning runs for it. Refused with
   * `DATA_SPACE_NOT_EMPTY` (`details.tables`: each table with rows, and how many) while any of the tenant's
   * tables holds a row, unless `addToExisting: true`, which adds the demo rows alongside and deletes
   * nothing (a demo row colliding with one of them is `DEMO_DATA_CONFLICT`, and nothing is added).
   * `tables` has each table's rows before and, applied, after. Platform only.
   *
   * @example
   * ```ts
   * const plan = await tenantry.tenants.seedDemo({ slug: 'acme-corp' }, { dryRun: true });
   * await tenantry.tenants.seedDemo({ slug: 'acme-corp' }, { expectFingerprint: plan.fingerprint });
   * ```
   *
   * @throws {@link TenantryError} `INVALID_INPUT`, `TENANT_NOT_FOUND`, `FORBIDDEN`, `TENANT_SUSPENDED`, `TENANT_PENDING_DELETION`, `TENANT_PURGED`, `NO_DEMO_DATA`, `TENANT_MIGRATIONS_PENDING`, `DATA_SPACE_NOT_EMPTY`, `DATA_SPACE_MISSING`, `DEMO_DATA_CONFLICT`, `PLAN_STALE`; and, like every method, a database code (see `TenantryClient`)
   */
  async seedDemo(input: SeedDemoInput, options: OperationOptions = {}): Promise<DemoSeedResultDto> {
    return toDemoSeedDto(await this.#runtime.execute(seedDemo, input, options));
  }

  /**
   * Whether a slug is free, and why not. Platform only: the answer names other tenants.
   *
   * @throws {@link TenantryError} `FORBIDDEN`; and, like every method, a database code (see `TenantryClient`)
   */
  async checkSlug(slug: string): Promise<SlugCheck> {
    return this.#runtime.run((ctx) => (requirePlatform(ctx, 'tenant.provision'), checkSlug(ctx.em, slug)));
  }

  /**
   * Free slugs for a tenant name, best first. Platform only.
   *
   * @throws {@link TenantryError} `INVALID_INPUT`, `FORBIDDEN`; and, like every method, a database code (see `TenantryClient`)
   */
  async suggestSlugs(name: string, count = 5): Promise<string[]> {
    return this.#runtime.run((ctx) => (requirePlatform(ctx, 'tenant.provision'), suggestSlugs(ctx.em, name, count)));
  }

  /**
   * Changes settings (time zone, contacts, theme, notifications, custom settings) as a diff; null clears a
   * field. `custom` sets the tenant's own settings by name (`{ language: 'fr', limits: { a: 1 } }`: any JSON
   * value, at most `CUSTOM_VALUE_MAX_BYTES` of JSON each and `CUSTOM_SETTINGS_MAX` per tenant); null unsets
   * one, names left out stay. The diff has one change per custom setting (`settings.custom.language`).
   * Keys take their one spelling only (`notifications.inApp`, custom names as `CUSTOM_NAME_RULE` says).
   *
   * @example
   * ```ts
   * await tenantry.tenants.updateSettings({ slug: 'acme-corp', theme: 'dark', custom: { language: 'fr', legacy_id: null } });
   * ```
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `TENANT_PENDING_DELETION`; and, like every method, a database code (see `TenantryClient`)
   */
  async updateSettings(input: UpdateSettingsInput, options: OperationOptions = {}): Promise<ChangeDto> {
    return toChangeDto(await this.#runtime.execute(updateSettings, input, options));
  }

  /**
   * Changes the security policy (2FA, session timeout, password rules, allowed CIDRs) as a diff. Owners only.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `TENANT_PENDING_DELETION`; and, like every method, a database code (see `TenantryClient`)
   */
  async updatePolicy(input: UpdatePolicyInput, options: OperationOptions = {}): Promise<PolicyChangeDto> {
    const executed = await this.#runtime.execute(updateSecurityPolicy, input, options);
    return { ...toChangeDto(executed), policy: executed.data.policy };
  }

  /**
   * Suspends an active tenant: its users and keys stop working until resumed. Platform only.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `INVALID_STATUS_TRANSITION`; and, like every method, a database code (see `TenantryClient`)
   */
  async suspend(input: SuspendTenantInput, options: OperationOptions = {}): Promise<ChangeDto> {
    return toChangeDto(await this.#runtime.execute(LIFECYCLE.suspendTenant, input, options));
  }

  /**
   * Resumes a suspended tenant. Platform only.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `INVALID_STATUS_TRANSITION`; and, like every method, a database code (see `TenantryClient`)
   */
  async resume(input: ResumeTenantInput, options: OperationOptions = {}): Promise<ChangeDto> {
    return toChangeDto(await this.#runtime.execute(LIFECYCLE.resumeTenant, input, options));
  }

  /**
   * Extends (or starts) a trial by `extendDays`. Platform only.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `INVALID_STATUS_TRANSITION`; and, like every method, a database code (see `TenantryClient`)
   */
  async extendTrial(input: ExtendTrialInput, options: OperationOptions = {}): Promise<TrialResultDto> {
    return toTrialDto(await this.#runtime.execute(LIFECYCLE.extendTrial, input, options));
  }

  /**
   * Ends a running trial now; a tenant without a running trial is `unchanged`. Platform only.
   *
   * @throws {@link TenantryError} `INVALID_INPUT`, `TENANT_NOT_FOUND`, `FORBIDDEN`, `PLAN_STALE`; and, like every method, a database code (see `TenantryClient`)
   */
  async endTrial(input: EndTrialInput, options: OperationOptions = {}): Promise<ChangeDto> {
    return toChangeDto(await this.#runtime.execute(LIFECYCLE.endTrial, input, options));
  }

  /**
   * Sets where the doctor warns about this tenant: per resource (`users`, `assets`, `devices`,
   * `storage`) the share of its limit in use past which USAGE_NEAR_LIMIT reports it; null goes back to
   * the plan's default. A doctor run's own `warnAt` still overrides. Platform only.
   *
   * @example
   * ```ts
   * await tenantry.tenants.setMonitoring({ slug: 'acme-corp', warnAt: { storage: 0.8, users: 0.9, assets: 0.9 } });
   * ```
   *
   * @throws {@link TenantryError} `INVALID_INPUT`, `TENANT_NOT_FOUND`, `FORBIDDEN`, `PLAN_STALE`; and, like every method, a database code (see `TenantryClient`)
   */
  async setMonitoring(input: SetMonitoringInput, options: OperationOptions = {}): Promise<ChangeDto> {
    return toChangeDto(await this.#runtime.execute(setMonitoring, input, options));
  }

  /**
   * Records until when the tenant has paid (`paidUntil`: a date, the end of that day UTC, or a date and
   * time; null clears it) and, with `endTrial`, ends a running trial now: the tenant is converted to
   * paying. The doctor's TRIAL_ENDED_ACTIVE no longer reports a tenant paid past today. Platform only.
   *
   * @example
   * ```ts
   * await tenantry.tenants.setBilling({ slug: 'acme-corp', paidUntil: '2027-01-31', endTrial: true });
   * ```
   *
   * @throws {@link TenantryError} `INVALID_INPUT`, `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_STATUS_TRANSITION`, `PLAN_STALE`; and, like every method, a database code (see `TenantryClient`)
   */
  async setBilling(input: SetBillingInput, options: OperationOptions = {}): Promise<BillingResultDto> {
    return toBillingDto(await this.#runtime.execute(LIFECYCLE.setBilling, input, options));
  }

  /**
   * Soft delete: pending_deletion for `graceDays` (default 30), restorable. `confirm` must be the exact name.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `CONFIRMATION_REQUIRED`, `INVALID_STATUS_TRANSITION`; and, like every method, a database code (see `TenantryClient`)
   */
  async delete(input: DeleteTenantInput, options: OperationOptions = {}): Promise<DeletionResultDto> {
    return toDeletionDto(await this.#runtime.execute(LIFECYCLE.deleteTenant, input, options));
  }

  /**
   * Restores a tenant pending deletion, losslessly.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `INVALID_STATUS_TRANSITION`, `TENANT_PURGED`; and, like every method, a database code (see `TenantryClient`)
   */
  async restore(input: RestoreTenantInput, options: OperationOptions = {}): Promise<DeletionResultDto> {
    return toDeletionDto(await this.#runtime.execute(LIFECYCLE.restoreTenant, input, options));
  }

  /**
   * Removes a tenant pending deletion for good (after the grace period, or with `force`), keeping a tombstone and the audit trail.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `CONFIRMATION_REQUIRED`, `GRACE_PERIOD_ACTIVE`, `INVALID_STATUS_TRANSITION`; and, like every method, a database code (see `TenantryClient`)
   */
  async purge(input: PurgeTenantInput, options: OperationOptions = {}): Promise<PurgeResultDto> {
    return toPurgeDto(await this.#runtime.execute(LIFECYCLE.purgeTenant, input, options));
  }
}

function toProvisionResult(outcome: ProvisionOutcome, now: Date): ProvisionResultDto {
  const { plan, tenant, owner } = outcome;
  const adopted = plan.dataSpace?.adopted;
  const tenantView = tenant
    ? toTenantDto(tenant, now)
    : {
        slug: plan.slug,
        name: plan.request.name,
        status: 'active' as const,
        plan: plan.request.plan,
        isolation: plan.request.isolation,
        schemaName: plan.schemaName,
        limits: plan.limits,
        features: plan.features,
        trialEndsAt: plan.trialEndsAt?.toISOString() ?? null,
      };
  return {
    result: outcome.result,
    fingerprint: outcome.fingerprint,
    tenant: tenantView,
    owner: {
      email: owner?.email ?? plan.owner.email,
      userId: owner?.id ?? plan.owner.existingUserId,
      existingUser: plan.owner.existingUserId !== null,
      mustChangePassword: owner ? owner.mustChangePassword : plan.owner.password !== 'unchanged' && plan.owner.password !== 'chosen',
      ...(outcome.oneTimePassword ? { oneTimePassword: outcome.oneTimePassword } : {}),
    },
    domains: (outcome.domains.length > 0 ? outcome.domains : plan.domains).map((domain) => ({
      hostname: domain.hostname,
      kind: domain.kind,
      isPrimary: domain.isPrimary,
    })),
    ...(adopted && plan.dataSpace ? { adoption: { schema: plan.dataSpace.schema, ...adopted } } : {}),
    steps: toStepDtos(plan.steps),
  };
}
