import {
  HEALTH_CHECKS,
  applyRepair,
  embeddedPaths,
  notifyHealth,
  planRepairs,
  requirePlatform,
  runDoctor,
  runPreflight,
  storeStatus,
  type HealthSettingsInput,
  type ServiceContext,
  type Severity,
} from '@tenantry/core';
import { toChangeDto } from '../dto/change.ts';
import type { OperationOptions } from '../operation-options.ts';
import type { ClientRuntime } from '../runtime.ts';
import {
  toDoctorReportDto,
  type DoctorReportDto,
  type FindingDto,
  type NotifyResultDto,
  type PlannedRepairDto,
  type PreflightResultDto,
  type RepairOutcomeDto,
} from '../dto/health.ts';

export interface CheckOptions {
  /** One tenant only. */
  slug?: string;
  minSeverity?: Severity;
  /** Thresholds: stuck-provisioning minutes, warning shares (0-1), the schema guardrail. */
  settings?: Omit<HealthSettingsInput, 'baseDomain' | 'exportDir'>;
}

/** The checks the doctor runs, as documentation: code, severity, scope, what it means, what to do. */
export function healthCatalog(): {
  code: string;
  title: string;
  severity: Severity;
  scope: string;
  description: string;
  remediation: string;
  repairable: boolean;
}[] {
  return HEALTH_CHECKS.map((check) => ({
    code: check.code,
    title: check.title,
    severity: check.severity,
    scope: check.scope,
    description: check.description,
    remediation: check.remediation,
    repairable: check.repair !== undefined,
  }));
}

/**
 * Doctor, preflight and repair: finding drift and fixing it as plans. Platform operators only.
 *
 * @example
 * ```ts
 * const report = await tenantry.health.check();
 * for (const finding of report.findings) {
 *   if (finding.repairable) await tenantry.health.repair(finding);
 * }
 * ```
 */
export class Health {
  readonly #runtime: ClientRuntime;

  constructor(runtime: ClientRuntime) {
    this.#runtime = runtime;
  }

  /**
   * Runs every check (set-based, over all tenants or one) and returns the findings, worst first.
   *
   * @throws {@link TenantryError} `INVALID_INPUT`, `FORBIDDEN`, `TENANT_NOT_FOUND`; and, like every method, a database code (see `TenantryClient`)
   */
  async check(options: CheckOptions = {}): Promise<DoctorReportDto> {
    return this.#operator(async (ctx) => toDoctorReportDto(await runDoctor(ctx, options)));
  }

  /**
   * The pre-deploy check: database, version, privileges, migrations, base domain, the data path's role, embedded store.
   *
   * @throws {@link TenantryError} `FORBIDDEN`; and, like every method, a database code (see `TenantryClient`)
   */
  async preflight(): Promise<PreflightResultDto[]> {
    const database = this.#runtime.options.database;
    const status = database.kind === 'embedded' && database.mode !== 'in-process' ? await storeStatus(database.home) : undefined;
    const holder = status?.state === 'serving' ? { pid: status.pid, served: true } : { pid: process.pid };
    const embedded = database.kind === 'embedded' ? { home: database.home, lockPath: embeddedPaths(database.home).lockPath, ...holder } : undefined;
    return this.#operator((ctx) =>
      runPreflight(ctx, { target: this.#runtime.database.target, dataPath: this.#runtime.dataPath, ...(embedded ? { embedded } : {}) }),
    );
  }

  /**
   * The repairs that would run for the matching findings, with their steps and SQL; nothing is written.
   *
   * @throws {@link TenantryError} `INVALID_INPUT`, `FORBIDDEN`, `TENANT_NOT_FOUND`; and, like every method, a database code (see `TenantryClient`)
   */
  async plan(selection: { code?: string; slug?: string } = {}): Promise<PlannedRepairDto[]> {
    return this.#operator(async (ctx) =>
      (await planRepairs(ctx, selection)).map(({ finding, plan, fingerprint }) => ({
        finding,
        steps: plan.steps,
        destructive: plan.destructive,
        confirmText: plan.confirmText,
        fingerprint,
      })),
    );
  }

  /**
   * Repairs one finding as the `health.repair` operation (audited), then checks again. Destructive repairs
   * need `confirm`; `expectFingerprint` (from `plan`) applies exactly the plan shown; `dryRun` writes nothing.
   *
   * @throws {@link TenantryError} `INVALID_INPUT`, `FORBIDDEN`, `CONFIRMATION_REQUIRED`, `PRECONDITION_FAILED`, `PLAN_STALE`; and, like every method, a database code (see `TenantryClient`)
   */
  async repair(finding: FindingDto, options: OperationOptions & { confirm?: string } = {}): Promise<RepairOutcomeDto> {
    return this.#operator(async (ctx) => {
      const outcome = await applyRepair(ctx, finding, options);
      const { plan } = outcome;
      return {
        finding,
        result: outcome.result,
        steps: plan.steps,
        destructive: plan.destructive,
        confirmText: plan.confirmText,
        fingerprint: outcome.fingerprint,
        remaining: outcome.remaining,
      };
    });
  }

  /**
   * Runs the checks and records a `health.finding_opened` event for each finding never notified before
   * (and `health.finding_resolved` for each notified one that is gone), then delivers them at once, signed,
   * to the subscription of `url` to `health.*` — made when missing, its secret returned once. A delivery
   * that fails stays queued and is retried (`deliveryError` says why). With `dryRun`, answers what would
   * be recorded and sends nothing.
   *
   * @throws {@link TenantryError} `INVALID_INPUT`, `FORBIDDEN`, `TENANT_NOT_FOUND`, `PLAN_STALE`; and, like every method, a database code (see `TenantryClient`)
   */
  async notify(url: string, check: CheckOptions = {}, options: OperationOptions = {}): Promise<NotifyResultDto> {
    const executed = await this.#runtime.execute(notifyHealth, { url, ...check, target: this.#runtime.database.target }, options);
    const { data, value } = executed;
    return {
      ...toChangeDto(executed),
      url,
      target: data.target ?? url,
      pending: data.pending,
      sent: value?.sent ?? 0,
      resolved: value?.resolved ?? 0,
      subscription: value?.subscription ?? null,
      status: value?.status ?? null,
      deliveryError: value?.deliveryError ?? null,
      report: toDoctorReportDto(data.report),
    };
  }

  #operator<T>(operation: (ctx: ServiceContext) => Promise<T>): Promise<T> {
    return this.#runtime.run((ctx) => {
      requirePlatform(ctx, 'health');
      return operation(ctx);
    });
  }
}
