import {
  FEATURES,
  ISOLATION_MODES,
  PLAN_CATALOG,
  PLAN_CODES,
  provisionInputIssues,
  type Feature,
  type PlanCode,
  type ProvisionTenantInput,
} from '@tenantry/sdk';
import { actionFor } from '../keymap.ts';
import { editText, textAt } from './text.ts';

export type WizardFieldKind = 'text' | 'secret' | 'integer' | 'choice' | 'toggle' | 'features';

export interface WizardField {
  name: string;
  label: string;
  kind: WizardFieldKind;
  choices?: readonly string[];
  /** Shown beside an empty field. */
  placeholder?: string;
}

/** Every field of `tenant create`, in the order the wizard asks for them. */
export const WIZARD_FIELDS: readonly WizardField[] = [
  { name: 'name', label: 'Organization name', kind: 'text', placeholder: 'required' },
  { name: 'slug', label: 'Slug', kind: 'text', placeholder: 'derived from the name' },
  { name: 'ownerEmail', label: 'Owner email', kind: 'text', placeholder: 'required' },
  { name: 'ownerName', label: 'Owner name', kind: 'text' },
  { name: 'plan', label: 'Plan', kind: 'choice', choices: PLAN_CODES },
  { name: 'isolation', label: 'Isolation', kind: 'choice', choices: ISOLATION_MODES },
  { name: 'domain', label: 'Domain', kind: 'text', placeholder: '<slug>.$TENANTRY_BASE_DOMAIN when set' },
  { name: 'trialDays', label: 'Trial days', kind: 'integer', placeholder: 'no trial' },
  { name: 'timeZone', label: 'Time zone', kind: 'text' },
  { name: 'contactEmail', label: 'Contact email', kind: 'text' },
  { name: 'supportEmail', label: 'Support email', kind: 'text' },
  { name: 'supportPhone', label: 'Support phone', kind: 'text' },
  { name: 'maxUsers', label: 'Max users', kind: 'integer', placeholder: 'plan default' },
  { name: 'maxAssets', label: 'Max assets', kind: 'integer', placeholder: 'plan default' },
  { name: 'maxDevices', label: 'Max devices', kind: 'integer', placeholder: 'plan default' },
  { name: 'storageQuotaGb', label: 'Storage quota (GB)', kind: 'integer', placeholder: 'plan default' },
  { name: 'features', label: 'Features', kind: 'features' },
  { name: 'ownerPassword', label: 'Owner password', kind: 'secret', placeholder: 'generated, shown once' },
  { name: 'allowExistingUser', label: 'Link an existing user', kind: 'toggle' },
  { name: 'skipDemoData', label: 'Skip demo data', kind: 'toggle' },
];

export interface WizardState {
  values: Record<string, string>;
  /** Features switched away from the plan's default. */
  features: Partial<Record<Feature, boolean>>;
  focus: number;
  /** Where the cursor is in the focused text field. */
  cursor: number;
  featureCursor: number;
  touched: string[];
  submitted: boolean;
}

export const initialWizard: WizardState = {
  values: { plan: 'basic', isolation: 'schema', timeZone: 'UTC', allowExistingUser: 'no', skipDemoData: 'no' },
  features: {},
  focus: 0,
  cursor: 0,
  featureCursor: 0,
  touched: [],
  submitted: false,
};

/** The SDK input the wizard describes; empty fields are left out so defaults apply. */
export function wizardInput(wizard: WizardState): Partial<ProvisionTenantInput> {
  const input: Record<string, unknown> = {};
  for (const field of WIZARD_FIELDS) {
    const raw = wizard.values[field.name]?.trim() ?? '';
    if (field.kind === 'toggle') {
      if (raw === 'yes') input[field.name] = true;
    } else if (field.kind === 'integer') {
      if (raw !== '') input[field.name] = /^-?\d+$/.test(raw) ? Number(raw) : raw;
    } else if (field.kind !== 'features' && raw !== '') {
      input[field.name] = field.kind === 'secret' ? wizard.values[field.name] : raw;
    }
  }
  if (Object.keys(wizard.features).length > 0) input.features = { ...wizard.features };
  return input;
}

/** Problems per field, shown once a field was left or the form submitted. */
export function wizardProblems(wizard: WizardState): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const issue of provisionInputIssues(wizardInput(wizard))) {
    const field = issue.path.split('.')[0] ?? issue.path;
    if ((wizard.submitted || wizard.touched.includes(field)) && !problems[field]) problems[field] = issue.message;
  }
  return problems;
}

export function featureStates(wizard: WizardState): Record<Feature, boolean> {
  const plan = (wizard.values.plan ?? 'basic') as PlanCode;
  const defaults = new Set<string>(PLAN_CATALOG[plan]?.features ?? []);
  return Object.fromEntries(FEATURES.map((feature) => [feature, wizard.features[feature] ?? defaults.has(feature)])) as Record<Feature, boolean>;
}

export type WizardOutcome = { wizard: WizardState; submit?: true };

export function reduceWizardKey(wizard: WizardState, key: string): WizardOutcome {
  const field = WIZARD_FIELDS[wizard.focus] as WizardField;
  const action = actionFor(['wizard'], key);
  const leave = (focus: number) => ({ wizard: focusOn({ ...wizard, touched: touch(wizard.touched, field.name) }, focus) });
  if (action === 'nextField') return leave(wizard.focus + 1);
  if (action === 'previousField') return leave(wizard.focus - 1);
  if (action === 'submit') {
    const submitted = { ...wizard, submitted: true, touched: touch(wizard.touched, field.name) };
    if (provisionInputIssues(wizardInput(submitted)).length > 0) {
      const firstInvalid = WIZARD_FIELDS.findIndex((candidate) => wizardProblems(submitted)[candidate.name]);
      return { wizard: focusOn(submitted, firstInvalid >= 0 ? firstInvalid : wizard.focus) };
    }
    return { wizard: submitted, submit: true };
  }
  if (field.kind === 'choice' || field.kind === 'toggle') return { wizard: cycleChoice(wizard, field, action) };
  if (field.kind === 'features') return { wizard: reduceFeatures(wizard, action) };
  // On a text field ←/→ move the cursor; they choose only on choice fields.
  const edited = editText(textAt(wizard.values[field.name] ?? '', wizard.cursor), key);
  return edited === undefined ? { wizard } : { wizard: { ...wizard, values: { ...wizard.values, [field.name]: edited.value }, cursor: edited.cursor } };
}

/** Moves the focus to a field, its cursor after the text already there. */
function focusOn(wizard: WizardState, focus: number): WizardState {
  const index = Math.max(0, Math.min(focus, WIZARD_FIELDS.length - 1));
  const name = WIZARD_FIELDS[index]?.name ?? '';
  return { ...wizard, focus: index, cursor: (wizard.values[name] ?? '').length };
}

function cycleChoice(wizard: WizardState, field: WizardField, action: string | undefined): WizardState {
  const choices = field.kind === 'toggle' ? ['no', 'yes'] : (field.choices ?? []);
  const step = action === 'choiceNext' || action === 'toggle' ? 1 : action === 'choicePrevious' ? -1 : 0;
  if (step === 0 || choices.length === 0) return wizard;
  const index = choices.indexOf(wizard.values[field.name] ?? '');
  const next = choices[(index + step + choices.length) % choices.length] ?? '';
  return { ...wizard, values: { ...wizard.values, [field.name]: next } };
}

function reduceFeatures(wizard: WizardState, action: string | undefined): WizardState {
  if (action === 'choiceNext') return { ...wizard, featureCursor: (wizard.featureCursor + 1) % FEATURES.length };
  if (action === 'choicePrevious') return { ...wizard, featureCursor: (wizard.featureCursor - 1 + FEATURES.length) % FEATURES.length };
  if (action !== 'toggle') return wizard;
  const feature = FEATURES[wizard.featureCursor] as Feature;
  const current = featureStates(wizard)[feature];
  return { ...wizard, features: { ...wizard.features, [feature]: !current } };
}

function touch(touched: string[], name: string): string[] {
  return touched.includes(name) ? touched : [...touched, name];
}
