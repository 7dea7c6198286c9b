import { MONITORED, parseSettingAssignments, TenantryError, type Feature, type SetMonitoringInput, type UpdatePolicyInput } from '@tenantry/sdk';
import type { EffectRequest } from '../state/types.ts';
import type { ActionRunner } from './action-runner.ts';
import { changeRunner, chosenRunner, requiredWholeNumber, targetSlug, wholeNumber } from './change-runners.ts';
import { ADD_CUSTOM_FIELD } from './tenant-forms.ts';

/** The fields of an edit form the operator changed from the values it opened with. */
function changedFields(request: EffectRequest): [string, string][] {
  const baseline = request.target.baseline ?? {};
  return Object.entries(request.values).filter(([name, value]) => name !== 'confirm' && value !== baseline[name]);
}

/** An edit form left as it opened: the plan says so, and applying it writes nothing. */
function unchangedForm(what: string): ActionRunner {
  return {
    plan: async ({ request }) => ({
      title: `${what} of ${targetSlug(request)}`,
      steps: [{ description: 'Nothing to change: no field differs from the tenant as it is.' }],
      confirmName: null,
    }),
    apply: async () => ({ message: 'Nothing changed' }),
  };
}

const whenChanged = (what: string, runner: ActionRunner): ActionRunner =>
  chosenRunner((request) => (changedFields(request).length === 0 ? unchangedForm(what) : runner));

const settingsChange = changeRunner(
  (request) => `Change the settings of ${targetSlug(request)}`,
  (client, request, options) => {
    const assignments = changedFields(request).map(([key, value]) => (key === ADD_CUSTOM_FIELD ? value : `${key}=${value}`));
    return client.tenants.updateSettings({ slug: targetSlug(request), ...parseSettingAssignments(assignments) }, options);
  },
  (result, request) => ({ message: `Changed the settings of ${targetSlug(request)} (${result.changes.length} field(s))` }),
);

/** `tenant set` from a form: only the changed fields, through the same parser (on/off, empty clears, custom.NAME=VALUE added). */
export const updateSettings: ActionRunner = whenChanged('The settings', settingsChange);

const policyChange = changeRunner(
  (request) => `Change the security policy of ${targetSlug(request)}`,
  (client, request, options) => client.tenants.updatePolicy(policyInput(request), options),
  (result, request) => ({ message: `Changed the security policy of ${targetSlug(request)} (${result.changes.length} field(s))` }),
);

export const updatePolicy: ActionRunner = whenChanged('The security policy', policyChange);

function policyInput(request: EffectRequest): UpdatePolicyInput {
  const input: UpdatePolicyInput = { slug: targetSlug(request) };
  const password: NonNullable<UpdatePolicyInput['password']> = {};
  for (const [name, value] of changedFields(request)) {
    if (name === 'require2fa') input.require2fa = value === 'yes';
    else if (name === 'sessionTimeoutMinutes') input.sessionTimeoutMinutes = requiredWholeNumber(value, name);
    else if (name === 'allowedIpRanges') input.allowedIpRanges = value.split(/[\s,]+/).filter(Boolean);
    else if (name === 'password.minLength') password.minLength = requiredWholeNumber(value, name);
    else if (name.startsWith('password.')) (password as Record<string, boolean>)[name.slice('password.'.length)] = value === 'yes';
  }
  return Object.keys(password).length > 0 ? { ...input, password } : input;
}

/** The form's one field reads "api_access → on": the feature and the state it switches to. */
function featureSwitch(request: EffectRequest): { feature: Feature; enabled: boolean } {
  const [feature = '', state = ''] = (request.values.switch ?? '').split(' → ');
  return { feature: feature as Feature, enabled: state === 'on' };
}

export const setFeature: ActionRunner = changeRunner(
  (request) => `Switch ${request.values.switch ?? ''} for ${targetSlug(request)}`,
  (client, request, options) => client.plans.setFeature({ slug: targetSlug(request), ...featureSwitch(request) }, options),
  (_result, request) => ({ message: `${featureSwitch(request).feature} is ${featureSwitch(request).enabled ? 'on' : 'off'} for ${targetSlug(request)}` }),
);

const monitoringChange = changeRunner(
  (request) => `Where the doctor warns about ${targetSlug(request)}`,
  (client, request, options) => client.tenants.setMonitoring({ slug: targetSlug(request), warnAt: monitoringInput(request) }, options),
  (_result, request) => ({ message: `Changed where the doctor warns about ${targetSlug(request)}` }),
);

/** Only the changed fields: a percentage becomes a share, an emptied field the plan's default again (null). */
export const setMonitoring: ActionRunner = whenChanged('Where the doctor warns', monitoringChange);

function monitoringInput(request: EffectRequest): SetMonitoringInput['warnAt'] {
  const warnAt: SetMonitoringInput['warnAt'] = {};
  for (const [name, value] of changedFields(request)) {
    const resource = MONITORED.find((candidate) => candidate === name);
    if (!resource) continue;
    const percent = wholeNumber(value, resource);
    if (percent !== undefined && (percent < 1 || percent > 100))
      throw TenantryError.invalidInput([{ path: resource, message: `must be a percentage between 1 and 100 (got ${percent})` }]);
    warnAt[resource] = percent === undefined ? null : percent / 100;
  }
  return warnAt;
}
