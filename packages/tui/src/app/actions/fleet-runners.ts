import { createHash } from 'node:crypto';
import { readInputFile, TenantryError, type BulkReportDto, type MigrationUnitDto } from '@tenantry/sdk';
import { plural } from '../../text/plural.ts';
import type { EffectRequest } from '../state/types.ts';
import type { ActionRunner } from './action-runner.ts';
import { applyOptions, changeRunner, exportKeyFrom, optionalText, requiredPath, wholeNumber } from './change-runners.ts';

const filePath = (request: EffectRequest) => requiredPath(request.values.file, 'file');
const readInput = (path: string) => readInputFile(path, 'file');

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

const bulkOptions = (request: EffectRequest) => ({
  ownerPasswords: request.values.ownerPasswords === 'none' ? ('none' as const) : ('generate' as const),
  strict: request.values.strict === 'yes',
});

/**
 * The plan is the file's dry run, every row checked; the fingerprint is the file's digest, so a file
 * changed after the plan was shown is refused (PLAN_STALE) and planned again, never applied unseen.
 */
export const bulkProvision: ActionRunner = {
  async plan({ client, request }) {
    const path = filePath(request);
    const text = await readInput(path);
    const report = await client.tenants.provisionBulk({ text, name: path }, { ...bulkOptions(request), dryRun: true });
    return {
      title: `Provision ${plural(report.summary.rows, 'row')} of ${path}`,
      steps: report.rows.map((row) => ({ description: rowLine(row) })),
      confirmName: null,
      fingerprint: digest(text),
    };
  },
  async apply({ client, request, progress }) {
    const path = filePath(request);
    const text = await readInput(path);
    if (request.fingerprint && digest(text) !== request.fingerprint)
      throw new TenantryError('PLAN_STALE', { message: `${path} changed since its plan was shown: nothing was written.` });
    const report = await client.tenants.provisionBulk(
      { text, name: path },
      { ...bulkOptions(request), onRow: (row, done, total) => progress(`${done}/${total} ${rowLine(row)}`) },
    );
    return bulkApplied(report);
  },
};

function rowLine(row: BulkReportDto['rows'][number]): string {
  const what = `Row ${row.row} ${row.slug ?? '(no slug)'}`;
  if (row.error) return `${what}: ✗ ${row.error.code} ${row.error.message}`;
  const steps = row.steps?.map((step) => step.description).join('; ');
  return `${what}: ${row.outcome}${steps ? ` — ${steps}` : ''}`;
}

function bulkApplied(report: BulkReportDto) {
  const { summary } = report;
  const passwords = report.rows.flatMap((row) =>
    row.owner?.oneTimePassword ? [`${row.slug ?? '?'}: ${row.owner.email} one-time password ${row.owner.oneTimePassword}`] : [],
  );
  const tokens = report.rows.flatMap((row) =>
    (row.invitations ?? []).flatMap((invitation) => (invitation.token ? [`${row.slug ?? '?'}: ${invitation.email} invitation token ${invitation.token}`] : [])),
  );
  return {
    message: `${summary.created} created, ${summary.unchanged} unchanged, ${summary.failed} failed, ${summary.skipped} skipped`,
    lines: [
      ...report.rows.filter((row) => row.error).map(rowLine),
      ...(report.stopped ? [`✗ Stopped: ${report.stopped.error.message}; ${report.stopped.notStarted.length} rows never started (run it again)`] : []),
      ...(passwords.length > 0 ? ['One-time passwords (shown once: hand them over now):', ...passwords] : []),
      ...(tokens.length > 0 ? ['Invitation tokens (shown once: hand each to its invitee):', ...tokens] : []),
    ],
  };
}

export const importTenant: ActionRunner = changeRunner(
  (request) => `Import ${filePath(request)}`,
  async (client, request, options) => {
    const slug = optionalText(request.values.slug);
    return client.tenants.import(
      { file: filePath(request) },
      { ...(slug ? { slug } : {}), ...(await exportKeyFrom(request.values.exportKeyFile)), ...options },
    );
  },
  (result) => ({
    message: `Imported ${result.tenant.slug} (from ${result.from.slug})`,
    lines: [
      `${result.rows.control} control-plane rows, ${result.rows.data} data rows; ${plural(result.users.created.length, 'user')} created, ${result.users.linked} linked`,
      ...result.skippedDomains.map((domain) => `Skipped the domain ${domain.hostname}: ${domain.reason}`),
    ],
    openSlug: result.tenant.slug,
  }),
);

const migrationInput = (request: EffectRequest) => ({
  all: true,
  canary: wholeNumber(request.values.canary, 'canary') ?? 0,
  continueOnError: request.values.continueOnError === 'yes',
});

/** Every tenant behind the blueprint, each its own transaction; the busy dialog shows each as it finishes. */
export const migrateTenants: ActionRunner = {
  async plan({ client, request }) {
    const run = await client.migrations.apply(migrationInput(request), { dryRun: true });
    return {
      title: run.units.length === 0 ? 'Every tenant is up to date' : `Migrate ${plural(run.units.length, 'unit')} to blueprint ${run.blueprint}`,
      steps: run.units.length === 0 ? [{ description: 'Nothing to apply.' }] : run.steps,
      confirmName: null,
      ...(run.fingerprint ? { fingerprint: run.fingerprint } : {}),
    };
  },
  async apply({ client, request, progress }) {
    const run = await client.migrations.apply(migrationInput(request), {
      ...applyOptions(request),
      onProgress: ({ done, total, report }) => progress(`${done}/${total} ${unitLine(report)}`),
    });
    const { summary } = run;
    return {
      message: `${summary.migrated} migrated, ${summary.unchanged} already done, ${summary.failed} failed, ${summary.skipped} skipped`,
      lines: run.units.filter((unit) => unit.outcome === 'failed').map(unitLine),
    };
  },
};

function unitLine(unit: MigrationUnitDto): string {
  const label = unit.slug ?? 'shared tables';
  if (unit.error) return `✗ ${label}: ${unit.error.code} ${unit.error.message}`;
  return `${unit.outcome === 'failed' ? '✗' : '✓'} ${label}: ${unit.outcome} ${unit.migrations.join(', ')} (${unit.durationMs} ms)`;
}

export const migrateDatabase: ActionRunner = {
  async plan({ client }) {
    const planned = await client.database.migrate({ dryRun: true });
    return {
      title: planned.applied.length === 0 ? 'The control plane is up to date' : `Apply ${plural(planned.applied.length, 'control-plane migration')}`,
      steps: planned.applied.length === 0 ? [{ description: 'Nothing to apply.' }] : planned.steps,
      confirmName: null,
      fingerprint: planned.fingerprint,
    };
  },
  async apply({ client, request }) {
    const applied = await client.database.migrate(applyOptions(request));
    return { message: applied.applied.length === 0 ? 'Nothing to apply' : `Applied ${applied.applied.join(', ')}` };
  },
};

/** The title leaves the URL out: the plan's step names it masked (a Slack URL's path is its credential). */
export const notify: ActionRunner = changeRunner(
  () => 'Notify the doctor findings',
  (client, request, options) => client.health.notify(request.values.url?.trim() ?? '', {}, options),
  (result) => ({
    message: result.deliveryError
      ? `Recorded ${plural(result.sent, 'finding')} opened and ${result.resolved} resolved for ${result.target}, but the delivery failed`
      : `Notified ${result.target}: ${plural(result.sent, 'finding')} opened, ${result.resolved} resolved`,
    ...(result.deliveryError
      ? { lines: [`✗ ${result.deliveryError}`, 'The events stay queued and are retried by tenantry events deliver or tenantry serve.'] }
      : {}),
    ...(result.subscription?.secret ? { secret: { label: 'Signing secret', value: result.subscription.secret } } : {}),
  }),
);
