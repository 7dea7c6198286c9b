import type { ServiceContext } from '../../context.ts';
import type { TenantryError } from '../../errors.ts';
import { requirePlatform } from '../permissions/authorize.ts';
import type { UnitError } from '../../isolation/migration-unit.ts';
import { runWithConcurrency } from '../../isolation/work-pool.ts';
import type { PlanStep } from '../../plan.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { translateDatabaseError } from '../../db/translate-error.ts';
import { executeOperation } from '../../operations/execute.ts';
import type { Mailer } from '../outbox/mailer.ts';
import { User } from '../users/user.entity.ts';
import type { OwnerPasswordMode } from '../tenants/provision-plan.ts';
import type { SettledProvisionRequest } from '../tenants/provision-request.ts';
import { provisionTenantOperation } from '../tenants/provision-tenant.operation.ts';
import { provisionOutcome } from '../tenants/provision.service.ts';
import type { IsolationMode } from '../tenants/tenant.schemas.ts';
import { invitationSteps, inviteUsers, type InvitationReport } from './bulk-invitations.ts';
import { bulkOptionsInput, type BulkOptionsInput } from './bulk-row.schemas.ts';
import { checkRows, type BulkRowSource, type CheckedRow } from './bulk-validate.ts';

export interface BulkRowReport {
  row: number;
  line?: number;
  slug: string | null;
  name: string | null;
  isolation?: IsolationMode;
  /** skipped: valid, but nothing was written because another row was invalid and `strict` was asked. */
  outcome: 'planned' | 'created' | 'unchanged' | 'failed' | 'skipped';
  error?: UnitError;
  /** `awaitingFirstSignIn`: the owner still has to replace a one-time password (lost with an interrupted run? `tenantry user reset-password`). */
  owner?: { email: string; existingUser: boolean; oneTimePassword?: string; awaitingFirstSignIn?: boolean };
  invitations?: InvitationReport[];
  /**
   * Dry run: every step the row's run performs, in order: provisioning the tenant (the provisioning
   * operation's plan; its SQL is in `tenantry tenant create --dry-run`), its settings, then the invitations.
   */
  steps?: Pick<PlanStep, 'action' | 'description'>[];
  durationMs: number;
}

/** A run the database stopped: the outage, and the rows that were never started (a re-run does them). */
export interface BulkStop {
  error: UnitError;
  /** Rows whose outcome is final (the ones in `rows`). */
  done: number;
  total: number;
  notStarted: number[];
}

export interface BulkReport {
  dryRun: boolean;
  rows: BulkRowReport[];
  /** Present when the database became unavailable: the run stopped at the first outage. */
  stopped?: BulkStop;
  summary: { rows: number; created: number; unchanged: number; failed: number; planned: number; skipped: number; invitationsSent: number };
  elapsedMs: number;
}

export interface BulkRunOptions extends BulkOptionsInput {
  dryRun?: boolean;
  mailer?: Mailer;
  /** Called as each row's outcome is final. */
  onRow?: (report: BulkRowReport, done: number, total: number) => void;
}

/**
 * Provisions many tenants from validated rows: every row is checked before anything is written, then
 * each tenant is its own transaction (one bad row never blocks the others) with bounded concurrency,
 * and each row's users are invited. A row already provisioned identically is `unchanged`, so re-running
 * a file after a crash creates exactly what is missing.
 */
export async function provisionBulk(ctx: ServiceContext, sources: readonly BulkRowSource[], options: BulkRunOptions = {}): Promise<BulkReport> {
  requirePlatform(ctx, 'tenant.provision_bulk');
  const started = performance.now();
  const { concurrency, ownerPasswords, strict } = parseInput(bulkOptionsInput, {
    concurrency: options.concurrency,
    ownerPasswords: options.ownerPasswords,
    strict: options.strict,
  });
  const passwordMode = ownerPasswords === 'generate' ? 'generated' : 'none';
  const checked = await checkRows(ctx, ctx.em.fork(), sources);
  const reports = new Map<number, BulkRowReport>();
  const finish = (report: BulkRowReport) => {
    reports.set(report.row, report);
    options.onRow?.(report, reports.size, sources.length);
  };
  for (const row of checked) if (row.status === 'invalid') finish(failed(row, row.error, 0));
  const invalid = checked.some((row) => row.status === 'invalid');
  const work = checked.filter((row): row is Extract<CheckedRow, { status: 'create' | 'unchanged' }> => row.status !== 'invalid');

  if (options.dryRun || (strict && invalid)) {
    for (const row of work) {
      if (!options.dryRun) finish({ ...base(row), outcome: 'skipped', durationMs: 0 });
      else {
        try {
          finish({ ...base(row), outcome: row.status === 'unchanged' ? 'unchanged' : 'planned', steps: await planRow(ctx, row, passwordMode), durationMs: 0 });
        } catch (error) {
          finish(failed(row, translateDatabaseError(error), 0));
        }
      }
    }
    return report(options.dryRun === true, sources, reports, started);
  }

  // Rows sharing an owner run one after the other, in file order: the first creates the user, the next link it.
  const chains = new Map<string, typeof work>();
  for (const row of work) chains.set(row.request.ownerEmail, [...(chains.get(row.request.ownerEmail) ?? []), row]);
  // The first outage stops the run: no further row starts (those in flight finish), instead of every
  // remaining row failing the same way.
  let outage: TenantryError | undefined;
  await runWithConcurrency(
    [...chains.values()],
    concurrency,
    async (chain) => {
      for (const row of chain) if (!outage) await applyRow(row);
    },
    () => outage !== undefined,
  );
  const done = report(false, sources, reports, started);
  if (!outage) return done;
  const notStarted = work.filter((row) => !reports.has(row.source.row)).map((row) => row.source.row);
  return { ...done, stopped: { error: outage.toJSON(), done: reports.size, total: sources.length, notStarted } };

  async function applyRow(row: (typeof work)[number]): Promise<void> {
    const rowStarted = performance.now();
    try {
      const outcome =
        row.status === 'unchanged' ? null : provisionOutcome(await executeOperation(ctx, provisionTenantOperation, operationInput(row.request, passwordMode)));
      const invitations = await inviteUsers(ctx, row.request.slug, row.invitations, options.mailer);
      const created = outcome?.result === 'created';
      const awaiting = !created && (await awaitingFirstSignIn(ctx, row.request.ownerEmail));
      const owner = {
        email: row.request.ownerEmail,
        existingUser: outcome ? outcome.plan.owner.existingUserId !== null : true,
        ...(outcome?.oneTimePassword ? { oneTimePassword: outcome.oneTimePassword } : {}),
        ...(awaiting ? { awaitingFirstSignIn: true } : {}),
      };
      finish({
        ...base(row),
        outcome: created ? 'created' : 'unchanged',
        owner,
        ...(invitations.length > 0 ? { invitations } : {}),
        durationMs: elapsed(rowStarted),
      });
    } catch (error) {
      const translated = translateDatabaseError(error);
      if (translated.kind === 'unavailable') outage ??= translated;
      finish(failed(row, translated, elapsed(rowStarted)));
    }
  }
}

/** A checked row as the provisioning operation's input. */
function operationInput(request: SettledProvisionRequest, passwordMode: OwnerPasswordMode) {
  return { ...request, ownerPasswordMode: passwordMode };
}

/**
 * What a row's run will do: the provisioning operation's own dry run (nothing, when the tenant exists
 * identically), then the invitations still to send. The settings are a step of the provisioning plan.
 */
async function planRow(
  ctx: ServiceContext,
  row: Extract<CheckedRow, { status: 'create' | 'unchanged' }>,
  passwordMode: OwnerPasswordMode,
): Promise<Pick<PlanStep, 'action' | 'description'>[]> {
  const provisioning =
    row.status === 'unchanged'
      ? []
      : (await executeOperation(ctx, provisionTenantOperation, operationInput(row.request, passwordMode), { dryRun: true })).steps;
  const invitations = await invitationSteps(ctx, row.request.slug, row.invitations);
  return [...provisioning, ...invitations].map(({ action, description }) => ({ action, description }));
}

/** An owner who never replaced a one-time password: the run that issued it may have died before showing it. */
async function awaitingFirstSignIn(ctx: ServiceContext, email: string): Promise<boolean> {
  const user = await ctx.em.fork().findOne(User, { email }, { fields: ['mustChangePassword'] });
  return user?.mustChangePassword === true;
}

function base(row: CheckedRow): Pick<BulkRowReport, 'row' | 'line' | 'slug' | 'name' | 'isolation'> {
  const position = { row: row.source.row, ...(row.source.line !== undefined ? { line: row.source.line } : {}) };
  if (row.status === 'invalid') return { ...position, slug: row.slug, name: row.name };
  return { ...position, slug: row.request.slug, name: row.request.name, isolation: row.request.isolation };
}

function failed(row: CheckedRow, error: TenantryError, durationMs: number): BulkRowReport {
  return { ...base(row), outcome: 'failed', error: error.toJSON(), durationMs };
}

function report(dryRun: boolean, sources: readonly BulkRowSource[], reports: Map<number, BulkRowReport>, started: number): BulkReport {
  const rows = sources.map((source) => reports.get(source.row)).filter((row): row is BulkRowReport => row !== undefined);
  const count = (outcome: BulkRowReport['outcome']) => rows.filter((row) => row.outcome === outcome).length;
  const invitationsSent = rows.reduce((sum, row) => sum + (row.invitations?.filter((i) => i.outcome === 'sent').length ?? 0), 0);
  return {
    dryRun,
    rows,
    summary: {
      rows: rows.length,
      created: count('created'),
      unchanged: count('unchanged'),
      failed: count('failed'),
      planned: count('planned'),
      skipped: count('skipped'),
      invitationsSent,
    },
    elapsedMs: elapsed(started),
  };
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
