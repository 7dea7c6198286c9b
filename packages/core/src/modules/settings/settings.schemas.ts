import { z } from 'zod';
import { boundedInteger, emailAddress, phoneNumber, timeZone } from '../../validation/fields.ts';
import { tenantSlugField } from '../changes/inputs.ts';
import { PASSWORD_HISTORY_MAX, PASSWORD_MAX_LENGTH } from '../users/password-policy.ts';
import { parseCidr } from './cidr.ts';
import { customSettingsChange, customSettingsDocument } from './custom-settings.ts';
import { CUSTOM_NAME_RULE } from './setting-keys.ts';

export const themeName = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a theme name: lowercase letters, digits and hyphens, such as corporate or dark');

/** For a strict object's unknown keys: what is allowed there (parseInput keeps this message). */
const onlyKnown = (allowed: string) => ({ error: (issue: { code?: string }) => (issue.code === 'unrecognized_keys' ? allowed : undefined) });

const notificationSwitches = z.strictObject(
  { email: z.boolean('must be true or false').optional(), inApp: z.boolean('must be true or false').optional() },
  onlyKnown('is not a notification switch: email or inApp'),
);

const share = z
  .number('must be a share of the limit between 0 and 1, such as 0.9')
  .gt(0, 'must be a share of the limit between 0 and 1, such as 0.9')
  .lte(1, 'must be a share of the limit between 0 and 1, such as 0.9');

/** Where the doctor warns, per tenant: the share of each limit in use (USAGE_NEAR_LIMIT). Missing: the plan's. */
export const monitoringThresholds = z.strictObject(
  { users: share.optional(), assets: share.optional(), devices: share.optional(), storage: share.optional() },
  onlyKnown('is not a monitored resource: users, assets, devices or storage'),
);
export type MonitoringThresholds = z.output<typeof monitoringThresholds>;

/**
 * The tenant's `settings` document as stored: the typed settings `tenant set` and `tenant monitor` write
 * (theme, notifications, monitoring) and the tenant's own under `custom`. Bulk rows (after their spelling
 * is normalised), provisioning and imports are checked with it too, so no path stores a value `tenant
 * set` would refuse, nor a key it could not change.
 */
export const tenantSettingsDocument = z.strictObject(
  {
    theme: themeName.nullable().optional(),
    notifications: notificationSwitches.optional(),
    monitoring: monitoringThresholds.optional(),
    /** The tenant's own settings, by name (`language`, `billing.region`): any JSON value. */
    custom: customSettingsDocument.optional(),
  },
  onlyKnown(`is not a setting: the typed ones are theme, notifications and monitoring; one of your own goes under custom (custom.<name>, ${CUSTOM_NAME_RULE})`),
);
export type TenantSettingsDocument = z.output<typeof tenantSettingsDocument>;

export const updateSettingsInput = z.strictObject({
  slug: tenantSlugField,
  timeZone: timeZone.optional(),
  /** null clears it. */
  contactEmail: emailAddress.nullable().optional(),
  supportEmail: emailAddress.nullable().optional(),
  supportPhone: phoneNumber.nullable().optional(),
  theme: themeName.nullable().optional(),
  notifications: notificationSwitches.optional(),
  /** Custom settings by name (`language`, not `custom.language`): a JSON value sets one, null unsets it, names left out stay. */
  custom: customSettingsChange.optional(),
});
export type UpdateSettingsInput = z.input<typeof updateSettingsInput>;

const cidr = z.string('must be a CIDR range').transform((value, ctx) => {
  const parsed = parseCidr(value);
  if ('problem' in parsed) {
    ctx.addIssue({ code: 'custom', message: parsed.problem });
    return z.NEVER;
  }
  return parsed.cidr;
});

const flag = z.boolean('must be true or false');
const sessionTimeoutMinutes = boundedInteger(5, 10_080);
const passwordRules = z.strictObject({
  minLength: boundedInteger(8, PASSWORD_MAX_LENGTH),
  requireUppercase: flag,
  requireLowercase: flag,
  requireNumbers: flag,
  requireSymbols: flag,
  history: boundedInteger(0, PASSWORD_HISTORY_MAX),
});
const ipRanges = z.array(cidr, 'must be a list of CIDR ranges').max(100, 'must be at most 100 ranges');

export const updatePolicyInput = z.strictObject({
  slug: tenantSlugField,
  require2fa: flag.optional(),
  sessionTimeoutMinutes: sessionTimeoutMinutes.optional(),
  password: passwordRules.partial().optional(),
  /** CIDR ranges allowed to sign in (replacing the list); empty: any address. */
  allowedIpRanges: ipRanges.optional(),
});

/** A whole stored security policy (an import brings one): every field present, each as the policy command allows. */
export const securityPolicyDocument = z.strictObject({
  require2fa: flag,
  sessionTimeoutMinutes,
  // Exports made before the history rule existed have none: no history rule, as then.
  password: passwordRules.extend({ history: boundedInteger(0, PASSWORD_HISTORY_MAX).default(0) }),
  allowedIpRanges: ipRanges,
});
export type UpdatePolicyInput = z.input<typeof updatePolicyInput>;

export const setMonitoringInput = z.strictObject({
  slug: tenantSlugField,
  /** Per resource: a share to warn at, or null for the plan's default again. Resources left out stay. */
  warnAt: z.strictObject({
    users: share.nullable().optional(),
    assets: share.nullable().optional(),
    devices: share.nullable().optional(),
    storage: share.nullable().optional(),
  }),
});
export type SetMonitoringInput = z.input<typeof setMonitoringInput>;
