import { resolve } from 'node:path';
import { readInputFile, TenantryError, type ChangeDto, type TenantryClient } from '@tenantry/sdk';
import type { EffectRequest, Selection } from '../state/types.ts';
import { planChanges, type ActionRunner, type AppliedView } from './action-runner.ts';

/**
 * A console action over an SDK change that takes `{ dryRun }` and returns its steps: the dry run is the
 * plan shown, the same call without it applies exactly that.
 */
export function changeRunner<Result extends ChangeDto>(
  title: (request: EffectRequest) => string,
  call: (client: TenantryClient, request: EffectRequest, options: { dryRun: boolean; expectFingerprint?: string }) => Promise<Result>,
  applied: (result: Result, request: EffectRequest) => AppliedView,
): ActionRunner {
  return {
    async plan({ client, request }) {
      const planned = await call(client, request, { dryRun: true });
      const steps = planned.result === 'unchanged' ? [{ description: 'Nothing to change: it is already so.' }] : planned.steps;
      return {
        title: title(request),
        steps,
        changes: planChanges(planned.changes),
        confirmName: planned.confirmText,
        ...(planned.fingerprint ? { fingerprint: planned.fingerprint } : {}),
      };
    },
    async apply({ client, request }) {
      return applied(await call(client, request, applyOptions(request)), request);
    },
  };
}

/** Applying what the operator saw: the plan's fingerprint, when it has one. */
export function applyOptions(request: EffectRequest): { dryRun: false; expectFingerprint?: string } {
  return { dryRun: false, ...(request.fingerprint ? { expectFingerprint: request.fingerprint } : {}) };
}

export function targetSlug(request: EffectRequest): string {
  if (!request.target.slug) throw new TenantryError('PRECONDITION_FAILED', { message: 'No tenant is open.' });
  return request.target.slug;
}

export function selectedLabel(request: EffectRequest, kind: Selection['kind']): string {
  return selected(request, kind).label;
}

/** The id of the selected row (a webhook's id, an event's cursor id). */
export function selectedId(request: EffectRequest, kind: Selection['kind']): string {
  return selected(request, kind).id;
}

function selected(request: EffectRequest, kind: Selection['kind']): Selection {
  const selection = request.target.selection;
  if (selection?.kind !== kind) throw new TenantryError('PRECONDITION_FAILED', { message: `Select a ${kind} first.` });
  return selection;
}

export function wholeNumber(value: string | undefined, field: string): number | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return undefined;
  if (!/^\d+$/.test(text)) throw TenantryError.invalidInput([{ path: field, message: `must be a whole number (got "${text}")` }]);
  return Number(text);
}

export function requiredWholeNumber(value: string | undefined, field: string): number {
  const number = wholeNumber(value, field);
  if (number === undefined) throw TenantryError.invalidInput([{ path: field, message: 'is required: a whole number' }]);
  return number;
}

/** One form over two operations (extend or end a trial, an edit left unchanged): the request picks the runner. */
export function chosenRunner(choose: (request: EffectRequest) => ActionRunner): ActionRunner {
  return { plan: (context) => choose(context.request).plan(context), apply: (context) => choose(context.request).apply(context) };
}

/** A form's text with the blanks around it gone, or undefined when nothing is left: an optional field left empty. */
export function optionalText(value: string | undefined): string | undefined {
  const text = value?.trim() ?? '';
  return text === '' ? undefined : text;
}

/** A path typed in a form, resolved against the console's working directory; required. */
export function requiredPath(value: string | undefined, field: string): string {
  const path = optionalText(value);
  if (!path) throw TenantryError.invalidInput([{ path: field, message: 'is required: the path of a file' }]);
  return resolve(path);
}

/** The export key in the file a form names (never typed into the form itself); the installation's when empty. */
export async function exportKeyFrom(value: string | undefined): Promise<{ exportKey?: string }> {
  const path = optionalText(value);
  return path ? { exportKey: await readInputFile(resolve(path), 'exportKeyFile') } : {};
}
