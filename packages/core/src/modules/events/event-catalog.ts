import { TenantryError } from '../../errors.ts';

/** One type of lifecycle event: what it means and the audit actions it is derived from. */
export interface EventTypeSpec {
  type: string;
  /** Third-person sentence for docs: "A tenant was provisioned with its owner and domains." */
  description: string;
  /** The audit actions that record this event (each action maps to one type at most). */
  from: readonly string[];
}

/**
 * Every lifecycle event type, in the order the docs list them. An applied change records one event per
 * audit entry whose action is listed here, in the same transaction; the actions in `NO_EVENT` record none.
 */
export const EVENT_CATALOG = [
  {
    type: 'tenant.created',
    description: 'A tenant was provisioned with its owner and domains (its `member.added`, `role.granted` and `domain.added` come in the same change).',
    from: ['tenant.provisioned'],
  },
  {
    type: 'tenant.updated',
    description: "A tenant's settings, security policy or a feature flag changed; `data.auditAction` says which.",
    from: ['tenant.settings_changed', 'tenant.policy_changed', 'tenant.feature_changed'],
  },
  { type: 'tenant.activated', description: 'A tenant whose provisioning had stopped was finished by a repair and is active.', from: ['tenant.activated'] },
  { type: 'tenant.suspended', description: 'A tenant was suspended: its users are refused until it is resumed.', from: ['tenant.suspended'] },
  { type: 'tenant.resumed', description: 'A suspended tenant was resumed.', from: ['tenant.resumed'] },
  {
    type: 'tenant.deleted',
    description: 'A tenant was scheduled for deletion (pending deletion, restorable during the grace period).',
    from: ['tenant.deletion_requested'],
  },
  { type: 'tenant.restored', description: 'A tenant pending deletion was restored.', from: ['tenant.restored'] },
  { type: 'tenant.purged', description: 'A tenant was removed for good: its data space, members and keys are gone.', from: ['tenant.purged'] },
  { type: 'tenant.exported', description: 'A tenant was exported to a signed file.', from: ['tenant.exported'] },
  {
    type: 'tenant.imported',
    description: 'A tenant was restored or imported from an export, or chosen tables of it were restored (`data.auditAction` `tenant.tables_restored`).',
    from: ['tenant.imported', 'tenant.tables_restored'],
  },
  { type: 'plan.changed', description: "A tenant's plan changed (upgrade or downgrade), with its limits.", from: ['tenant.plan_changed'] },
  { type: 'trial.extended', description: "A tenant's trial was extended.", from: ['tenant.trial_extended'] },
  { type: 'trial.ended', description: "A tenant's trial was ended at once.", from: ['tenant.trial_ended'] },
  {
    type: 'monitoring.changed',
    description: "A tenant's usage warning thresholds (where the doctor warns) were changed.",
    from: ['tenant.monitoring_changed'],
  },
  {
    type: 'demo_data.seeded',
    description: "The blueprint's demo data was added to an existing tenant's data space; `data.after.added` counts the rows per table.",
    from: ['tenant.demo_seeded'],
  },
  {
    type: 'billing.changed',
    description: "A tenant's paid-until date was recorded or cleared (and a running trial ended, when converted).",
    from: ['tenant.billing_changed'],
  },
  { type: 'member.added', description: "A user became a member of a tenant (provisioning's owner, an accepted invitation).", from: ['membership.created'] },
  { type: 'member.removed', description: 'A member was removed from a tenant.', from: ['membership.removed'] },
  { type: 'role.granted', description: 'A member was granted a role (the owner at provisioning, an invitation, a grant).', from: ['role.granted'] },
  { type: 'role.revoked', description: 'A role was revoked from a member.', from: ['role.revoked'] },
  { type: 'invitation.sent', description: 'An invitation was sent.', from: ['invitation.sent'] },
  { type: 'invitation.resent', description: 'An invitation was sent again with a new link.', from: ['invitation.resent'] },
  { type: 'invitation.accepted', description: 'An invitation was accepted.', from: ['invitation.accepted'] },
  { type: 'invitation.revoked', description: 'An invitation was revoked.', from: ['invitation.revoked'] },
  { type: 'invitation.expired', description: 'An expired invitation was closed by the doctor.', from: ['invitation.expired'] },
  { type: 'api_key.created', description: 'An API key was created (the new key of a rotation too).', from: ['apikey.created'] },
  { type: 'api_key.rotated', description: 'An API key was replaced by a new one.', from: ['apikey.rotated'] },
  { type: 'api_key.revoked', description: 'An API key was revoked (by a user, or by the doctor once expired).', from: ['apikey.revoked'] },
  { type: 'domain.added', description: 'A domain was added to a tenant.', from: ['domain.added'] },
  { type: 'domain.verified', description: 'A custom domain was verified by its DNS record.', from: ['domain.verified'] },
  { type: 'domain.primary_changed', description: "A tenant's primary domain changed.", from: ['domain.primary_changed'] },
  { type: 'domain.removed', description: 'A domain was removed from a tenant.', from: ['domain.removed'] },
  { type: 'user.password_reset', description: "A user's password was reset; the new one is never in the event.", from: ['user.password_reset'] },
  {
    type: 'user.password_changed',
    description: 'A user changed their password (the one-time password at first sign-in, or later).',
    from: ['user.password_changed'],
  },
  {
    type: 'user.locked',
    description: 'An account was locked after repeated failed sign-ins; `data.after.lockedUntil` says until when.',
    from: ['user.locked'],
  },
  { type: 'user.unlocked', description: 'An operator unlocked an account locked or throttled by failed sign-ins.', from: ['user.unlocked'] },
  { type: 'user.two_factor_enrolled', description: 'A user confirmed an authenticator (TOTP): sign-in asks for its code.', from: ['user.totp_enrolled'] },
  { type: 'user.two_factor_reset', description: "A user's authenticator and recovery codes were removed by an operator.", from: ['user.totp_reset'] },
  { type: 'health.repaired', description: 'The doctor repaired a finding.', from: ['health.repaired'] },
  {
    type: 'health.finding_opened',
    description: 'The doctor found a problem not reported before (`tenantry doctor --notify`, or a run of `health.notify`); `data.after` is the finding.',
    from: ['health.finding_opened'],
  },
  {
    type: 'health.finding_resolved',
    description: 'A problem reported before is no longer found by the doctor; `data.before` names it.',
    from: ['health.finding_resolved'],
  },
  {
    type: 'migration.applied',
    description: "Tenant migrations were applied to a tenant's data space (or to the shared schema: no tenant).",
    from: ['tenant.migrated', 'shared_schema.migrated'],
  },
  {
    type: 'migration.failed',
    description: "Tenant migrations failed on a tenant's data space (or on the shared schema) and were rolled back.",
    from: ['tenant.migration_failed', 'shared_schema.migration_failed'],
  },
  {
    type: 'migration.recorded',
    description: "Tenant migrations were recorded as applied to a tenant's data space without being run (`migrate apply --fake`).",
    from: ['tenant.migrations_recorded'],
  },
  { type: 'service_token.created', description: 'A service token was created.', from: ['service_token.created'] },
  { type: 'service_token.revoked', description: 'A service token was revoked.', from: ['service_token.revoked'] },
] as const satisfies readonly EventTypeSpec[];

export type EventType = (typeof EVENT_CATALOG)[number]['type'];

export const EVENT_TYPES: readonly EventType[] = EVENT_CATALOG.map((spec) => spec.type);

/** Audit actions that record no event, each with the reason. */
export const NO_EVENT: Readonly<Record<string, string>> = {
  'user.created': 'An account is created for a membership in the same change: `member.added` says so.',
  'user.linked': 'An existing account joins a tenant in the same change: `member.added` says so.',
  'tenant.data_space_created': 'Part of provisioning: `tenant.created` says so.',
  'tenant.data_space_adopted': 'Part of provisioning around an existing schema: `tenant.created` says so.',
  'tenant.data_space_recreated': 'A repair: `health.repaired` says so.',
  'tenant.data_space_reset': 'A repair: `health.repaired` says so.',
  'tenant_migrations.applied': 'The summary of a run: each tenant migrated is its own `migration.applied` (or `migration.failed`).',
  'tenant_migrations.recorded': 'The summary of a `--fake` run: each tenant whose migrations were recorded is its own `migration.recorded`.',
  'database.migrated': "The control plane's own schema, not a tenant's lifecycle.",
  'health.notified': 'The summary of a notify run: each finding opened or resolved is its own event.',
  'webhook.added': "A subscription to events, not a tenant's lifecycle.",
  'webhook.removed': "A subscription to events, not a tenant's lifecycle.",
  'webhook.enabled': "A subscription to events, not a tenant's lifecycle.",
  'webhook.disabled': "A subscription to events, not a tenant's lifecycle (the doctor reports it).",
  'webhook.replayed': 'A delivery queued again: the event itself is not new.',
  'user.signed_in': 'Sign-ins are traffic, not lifecycle: they are in the audit trail.',
  'user.sign_in_failed': 'Failed sign-ins are in the audit trail; the lock they lead to is `user.locked`.',
  'user.sign_in_refused': 'A sign-in from an address outside the allowed ranges: in the audit trail.',
  'user.totp_enrollment_started': 'Enrollment takes effect when confirmed: `user.two_factor_enrolled` says so.',
};

const BY_ACTION: ReadonlyMap<string, EventType> = new Map(EVENT_CATALOG.flatMap((spec) => spec.from.map((action) => [action, spec.type] as const)));

/** The event type an audit action records, or null (`NO_EVENT`, or an action the catalog does not know). */
export function eventTypeOf(action: string): EventType | null {
  return BY_ACTION.get(action) ?? null;
}

const TYPE_PATTERN = /^(\*|[a-z_]+\.\*|[a-z_]+\.[a-z_]+)$/;

export const EVENT_TYPE_LIST_MESSAGE = 'must be event types or globs, comma-separated: tenant.created, tenant.*, member.added,role.*';

/** Whether a text has the shape of a comma list of types and globs (`tenant.*`, `*`); `eventTypesMatching` checks the names. */
export function isEventTypeList(value: string): boolean {
  return value.split(',').every((part) => TYPE_PATTERN.test(part.trim()));
}

/** The catalog's types a comma list of types and globs names; a part naming none is refused, naming the field `path`. */
export function eventTypesMatching(list: string, path: string): EventType[] {
  const parts = list.split(',').map((part) => part.trim());
  const unknown = parts.filter((part) => !EVENT_TYPES.some((type) => globMatches(part, type)));
  if (unknown.length > 0) {
    throw TenantryError.invalidInput([
      { path, message: `${unknown.map((part) => `"${part}"`).join(', ')} names no event type; known: ${EVENT_TYPES.join(', ')}` },
    ]);
  }
  return EVENT_TYPES.filter((type) => parts.some((part) => globMatches(part, type)));
}

function globMatches(glob: string, type: string): boolean {
  if (glob === '*') return true;
  return glob.endsWith('.*') ? type.startsWith(glob.slice(0, -1)) : type === glob;
}
