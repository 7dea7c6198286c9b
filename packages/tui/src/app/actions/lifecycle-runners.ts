import { resolve } from 'node:path';
import { TenantryError } from '@tenantry/sdk';
import type { EffectRequest } from '../state/types.ts';
import type { ActionRunner } from './action-runner.ts';
import { changeRunner, chosenRunner, exportKeyFrom, optionalText, requiredPath, requiredWholeNumber, targetSlug } from './change-runners.ts';

export const restore: ActionRunner = changeRunner(
  (request) => `Restore ${targetSlug(request)}`,
  (client, request, options) => client.tenants.restore({ slug: targetSlug(request) }, options),
  (_result, request) => ({ message: `${targetSlug(request)} is restored: active again, nothing was lost` }),
);

/** Purging needs the exact name typed back (the plan's confirm text), like the CLI's --confirm. */
export const purge: ActionRunner = changeRunner(
  (request) => `Purge ${targetSlug(request)} for good`,
  (client, request, options) =>
    client.tenants.purge(
      { slug: targetSlug(request), force: request.values.force === 'yes', ...(options.dryRun ? {} : { confirm: request.values.confirm ?? '' }) },
      options,
    ),
  (result, request) => ({
    message: `Purged ${targetSlug(request)}`,
    lines: result.counts ? Object.entries(result.counts).map(([what, count]) => `${what}: ${String(count)} removed`) : [],
    closeTenant: true,
  }),
);

/** The form's field is `days`: a refused value is named so, not by the SDK's `extendDays`. */
async function extendBy<T>(request: EffectRequest, call: (input: { slug: string; extendDays: number }) => Promise<T>): Promise<T> {
  const days = requiredWholeNumber(request.values.days, 'days');
  if (days < 1 || days > 365) throw TenantryError.invalidInput([{ path: 'days', message: `must be between 1 and 365 (got ${days})` }]);
  return call({ slug: targetSlug(request), extendDays: days });
}

const extendTrial = changeRunner(
  (request) => `Extend the trial of ${targetSlug(request)} by ${request.values.days ?? ''} days`,
  (client, request, options) => extendBy(request, (input) => client.tenants.extendTrial(input, options)),
  (result, request) => ({ message: `The trial of ${targetSlug(request)} ends ${result.trialEndsAt.slice(0, 10)}` }),
);

const endTrial = changeRunner(
  (request) => `End the trial of ${targetSlug(request)} now`,
  (client, request, options) => client.tenants.endTrial({ slug: targetSlug(request) }, options),
  (_result, request) => ({ message: `The trial of ${targetSlug(request)} has ended` }),
);

/** One form, two operations: the "Change" field picks extend or end. */
export const trial: ActionRunner = chosenRunner((request) => (request.values.change === 'end' ? endTrial : extendTrial));

/** The file is resolved against the console's working directory, so the plan names the path written. */
export const exportTenant: ActionRunner = changeRunner(
  (request) => `Export ${targetSlug(request)} to ${exportFile(request)}`,
  async (client, request, options) =>
    client.tenants.export(targetSlug(request), {
      file: exportFile(request),
      ...(await exportKeyFrom(request.values.exportKeyFile)),
      ...options,
    }),
  (result) => ({
    message: `Exported ${result.tenant.slug} to ${result.file ?? '?'}`,
    lines: [`${result.bytes} bytes: ${result.rows.control} control-plane rows, ${result.rows.data} data rows, ${result.rows.audit} audit events`],
  }),
);

function exportFile(request: EffectRequest): string {
  return resolve(optionalText(request.values.file) ?? `${targetSlug(request)}.tenant.jsonl`);
}

/** The paid-until date as typed (a day, or a date and time); empty clears it. */
export const setBilling: ActionRunner = changeRunner(
  (request) => `Billing of ${targetSlug(request)}`,
  (client, request, options) =>
    client.tenants.setBilling(
      { slug: targetSlug(request), paidUntil: optionalText(request.values.paidUntil) ?? null, endTrial: request.values.endTrial === 'yes' },
      options,
    ),
  (result, request) => ({
    message: result.paidUntil ? `${targetSlug(request)} is paid until ${result.paidUntil.slice(0, 10)}` : `${targetSlug(request)} has no payment on record`,
  }),
);

export const restoreTables: ActionRunner = changeRunner(
  (request) => `Restore ${request.values.tables ?? ''} of ${targetSlug(request)}`,
  async (client, request, options) =>
    client.tenants.restoreTables(
      { file: requiredPath(request.values.file, 'file') },
      {
        into: targetSlug(request),
        tables: (request.values.tables ?? '')
          .split(',')
          .map((table) => table.trim())
          .filter(Boolean),
        ...(await exportKeyFrom(request.values.exportKeyFile)),
        ...(options.dryRun ? {} : { confirm: request.values.confirm ?? '' }),
        ...options,
      },
    ),
  (result) => ({
    message: `Restored ${result.tables.map((table) => table.table).join(', ')} as exported at ${result.exportedAt}`,
    lines: result.tables.map((table) => `${table.table}: ${table.updated} updated, ${table.inserted} inserted, ${table.deleted} deleted`),
  }),
);
