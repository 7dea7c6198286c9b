export const ERROR_KINDS = [
  'internal',
  'cancelled',
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'precondition_failed',
  'plan_stale',
  'partial_failure',
  'unhealthy',
  'unavailable',
  'rate_limited',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

interface ErrorCodeInfo {
  kind: ErrorKind;
  description: string;
}

/** Every code Tenantry can raise. Codes are stable: never rename one, only add. */
export const ERROR_CODES = {
  INTERNAL: { kind: 'internal', description: 'An unexpected failure; the cause is kept for --verbose.' },
  CANCELLED: { kind: 'cancelled', description: 'The operator cancelled or declined a confirmation.' },
  INVALID_INPUT: { kind: 'invalid_input', description: 'One or more fields are invalid; details.issues lists each field.' },
  UNAUTHENTICATED: {
    kind: 'unauthenticated',
    description: 'The HTTP call carries no credential, or one that is unknown, revoked or expired (Authorization: Bearer <token or API key>).',
  },
  FORBIDDEN: { kind: 'forbidden', description: 'The actor lacks the permission for this operation.' },
  NOT_FOUND: { kind: 'not_found', description: 'The requested record does not exist.' },
  TENANT_NOT_FOUND: { kind: 'not_found', description: 'No tenant has this slug.' },
  FILE_NOT_FOUND: { kind: 'not_found', description: 'The file an argument names does not exist; details.field names the argument.' },
  USER_NOT_FOUND: { kind: 'not_found', description: 'No user has this email.' },
  CONFLICT: { kind: 'conflict', description: 'The change conflicts with an existing record.' },
  SLUG_TAKEN: { kind: 'conflict', description: 'Another tenant already uses this slug.' },
  EMAIL_TAKEN: { kind: 'conflict', description: 'A user with this email already exists (see --allow-existing-user).' },
  HOSTNAME_TAKEN: { kind: 'conflict', description: 'The hostname already belongs to a tenant.' },
  PRECONDITION_FAILED: { kind: 'precondition_failed', description: 'The current state does not allow this operation.' },
  SCHEMA_TOO_NEW: { kind: 'precondition_failed', description: 'The database was migrated by a newer Tenantry.' },
  MIGRATIONS_PENDING: { kind: 'precondition_failed', description: 'Control-plane migrations must be applied first (tenantry db migrate).' },
  LAST_OWNER: { kind: 'precondition_failed', description: 'The last owner of a tenant cannot be removed or lose the owner role.' },
  LIMIT_EXCEEDED: { kind: 'precondition_failed', description: "The change would exceed a limit of the tenant's plan; details give the limit and the numbers." },
  FEATURE_NOT_ENABLED: {
    kind: 'precondition_failed',
    description: "The operation needs a feature the tenant's plan does not include; details name the feature and the plans that have it.",
  },
  DOWNGRADE_BELOW_USAGE: {
    kind: 'precondition_failed',
    description: 'The new plan or limits are below current usage; details list each limit with the numbers.',
  },
  MEMBER_NOT_FOUND: { kind: 'not_found', description: 'The user is not a member of this tenant.' },
  ALREADY_MEMBER: { kind: 'conflict', description: 'The email already belongs to a member of this tenant.' },
  INVITATION_NOT_FOUND: { kind: 'not_found', description: 'No invitation has this token, or there is no pending invitation for this email.' },
  INVITATION_EXPIRED: { kind: 'precondition_failed', description: 'The invitation expired; send it again for a new token.' },
  INVITATION_REVOKED: { kind: 'precondition_failed', description: 'The invitation was revoked.' },
  INVITATION_ALREADY_ACCEPTED: { kind: 'conflict', description: 'The invitation was already accepted.' },
  INVALID_CREDENTIALS: { kind: 'forbidden', description: 'The password does not match the existing account of this email.' },
  SIGN_IN_FAILED: {
    kind: 'unauthenticated',
    description:
      'The tenant, email, password or second-factor code is wrong, or the user is not a member of the tenant: one code for all, so a caller cannot tell which.',
  },
  SIGN_IN_THROTTLED: {
    kind: 'rate_limited',
    description: 'Too many failed sign-ins in a row for this account; details.retryAfterSeconds says when it may try again.',
  },
  ACCOUNT_LOCKED: {
    kind: 'forbidden',
    description: 'The account is locked after repeated failed sign-ins until details.lockedUntil, or until an operator unlocks it (tenantry user unlock).',
  },
  ADDRESS_NOT_ALLOWED: { kind: 'forbidden', description: "The address signing in is outside the tenant's allowed IP ranges (its security policy)." },
  TOTP_ALREADY_ENROLLED: {
    kind: 'conflict',
    description: 'The user already has a confirmed authenticator; an operator resets it first (tenantry user reset-2fa).',
  },
  TOTP_NOT_PENDING: {
    kind: 'precondition_failed',
    description: 'The user has no authenticator enrollment waiting for its first code (users.enrollTotp first).',
  },
  API_KEY_NOT_FOUND: { kind: 'not_found', description: 'The tenant has no API key with this prefix.' },
  SERVICE_TOKEN_NOT_FOUND: { kind: 'not_found', description: 'No platform service token has this prefix.' },
  WEBHOOK_NOT_FOUND: { kind: 'not_found', description: 'No webhook subscription has this id.' },
  EVENT_NOT_FOUND: { kind: 'not_found', description: 'No lifecycle event has this id.' },
  SERVICE_TOKEN_NAME_TAKEN: { kind: 'conflict', description: 'A service token that is not revoked already has this name.' },
  DOMAIN_NOT_FOUND: { kind: 'not_found', description: 'The tenant has no such domain.' },
  PRIMARY_DOMAIN_REMOVAL: { kind: 'precondition_failed', description: 'The primary domain cannot be removed until another domain is primary.' },
  DOMAIN_VERIFICATION_FAILED: { kind: 'precondition_failed', description: 'The DNS TXT record with the verification token was not found.' },
  DOMAIN_UNVERIFIED: {
    kind: 'precondition_failed',
    description: 'A custom domain must be verified (its DNS TXT record found) before it can be the primary domain.',
  },
  TENANT_SUSPENDED: { kind: 'precondition_failed', description: 'The tenant is suspended: its users and keys cannot act until it is resumed.' },
  TENANT_PENDING_DELETION: { kind: 'precondition_failed', description: 'The tenant is pending deletion: restore it before changing it.' },
  TENANT_PURGED: { kind: 'precondition_failed', description: 'The tenant was purged; only its tombstone and audit trail remain.' },
  INVALID_STATUS_TRANSITION: { kind: 'precondition_failed', description: "The tenant's status does not allow this lifecycle step." },
  GRACE_PERIOD_ACTIVE: { kind: 'precondition_failed', description: 'The deletion grace period has not ended; pass force to purge now.' },
  PLAN_STALE: {
    kind: 'plan_stale',
    description: 'The state changed since the plan was shown (its fingerprint no longer matches); nothing was written. details.plan is the new plan.',
  },
  CONFIRMATION_REQUIRED: { kind: 'invalid_input', description: 'The operation destroys data: confirm it with the exact name it asks for.' },
  BLUEPRINT_INVALID: {
    kind: 'invalid_input',
    description: 'The blueprint is malformed, or has no body for the isolation mode asked for; details.issues names each problem.',
  },
  SCHEMA_TAKEN: { kind: 'conflict', description: 'Another tenant already has this schema as its data space.' },
  SCHEMA_NOT_FOUND: { kind: 'not_found', description: 'The schema to adopt (schemaName, --schema-name) does not exist in the database.' },
  SCHEMA_NOT_ADOPTABLE: {
    kind: 'precondition_failed',
    description:
      "The schema to adopt is not the blueprint's first migrations: it has part of a migration, or objects no migration makes; details list what is missing and what is unexpected.",
  },
  DATA_SPACE_MISSING: { kind: 'precondition_failed', description: 'The tenant has no data space (purged, or its schema is gone).' },
  DATA_SPACE_NOT_EMPTY: {
    kind: 'precondition_failed',
    description:
      "The tenant's data space already holds rows, so demo data is not seeded; details.tables lists each table with its row count (addToExisting adds it anyway).",
  },
  NO_DEMO_DATA: { kind: 'precondition_failed', description: 'The blueprint has no demo data to seed.' },
  DEMO_DATA_CONFLICT: {
    kind: 'conflict',
    description: 'A demo row collides with a row the tenant already has (same key, details.constraint); nothing was added.',
  },
  TENANT_MIGRATIONS_PENDING: {
    kind: 'precondition_failed',
    description: 'The tenant has blueprint migrations still to apply (tenantry migrate apply); details.missing lists them.',
  },
  TENANT_MIGRATION_FAILED: {
    kind: 'precondition_failed',
    description: "A tenant migration failed in a tenant's data space; that tenant's transaction was rolled back.",
  },
  TENANT_MIGRATION_LOCKED: {
    kind: 'unavailable',
    description: "The tenant's migration lock or a table lock was not granted within the lock timeout; safe to retry.",
  },
  TENANT_SCHEMA_TOO_NEW: {
    kind: 'precondition_failed',
    description: 'The tenant has tenant migrations this blueprint does not know: a newer program migrated it.',
  },
  EXPORT_INVALID: {
    kind: 'invalid_input',
    description:
      'The file is not a Tenantry tenant export, is damaged or edited (its signature does not match), was signed with another export key, is format 1, or holds a row that is not of the tenant it exports.',
  },
  EXPORT_VERSION_UNSUPPORTED: {
    kind: 'precondition_failed',
    description: 'The export was written by a newer Tenantry in a format version this one cannot read.',
  },
  BLUEPRINT_MISMATCH: {
    kind: 'precondition_failed',
    description: "The export's tenant migrations are not those of this blueprint (unknown ids or changed checksums).",
  },
  PARTIAL_FAILURE: {
    kind: 'partial_failure',
    description: 'Some items of a batch failed (bulk rows, tenants of a migration run); the report lists each with its code.',
  },
  UNHEALTHY: { kind: 'unhealthy', description: 'Health checks found failing findings.' },
  UNAVAILABLE: { kind: 'unavailable', description: 'The database cannot be used right now; safe to retry.' },
  DATABASE_UNREACHABLE: { kind: 'unavailable', description: 'The PostgreSQL server did not accept a connection.' },
  DATABASE_NOT_FOUND: {
    kind: 'unavailable',
    description: 'The database named in the URL does not exist on the server; Tenantry never creates one implicitly (tenantry db init --create).',
  },
  STORE_LOCKED: { kind: 'unavailable', description: 'Another process holds the embedded store.' },
  RATE_LIMITED: { kind: 'rate_limited', description: 'Too many calls from this client in the window; details.retryAfterSeconds says when to try again.' },
  IDEMPOTENCY_KEY_REUSED: {
    kind: 'precondition_failed',
    description: 'The Idempotency-Key was already used with another request body (or another route) in the last 24 hours.',
  },
  IDEMPOTENCY_KEY_IN_PROGRESS: {
    kind: 'conflict',
    description: 'A request with this Idempotency-Key is still being processed; retry after it finishes.',
  },
  SIGNUP_DISABLED: { kind: 'forbidden', description: 'Self-service sign-up is off on this server (tenantry serve --allow-signup turns it on).' },
} as const satisfies Record<string, ErrorCodeInfo>;
export type ErrorCode = keyof typeof ERROR_CODES;

export interface InputIssue {
  /** Field path, e.g. "ownerEmail" or "limits.maxUsers". */
  path: string;
  message: string;
}

export type ErrorDetails = Record<string, unknown>;

interface TenantryErrorOptions {
  message: string;
  details?: ErrorDetails;
  hint?: string;
  cause?: unknown;
}

/** The one error type Tenantry throws. Branch on `code`, never on `message`. */
export class TenantryError extends Error {
  override readonly name = 'TenantryError';
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, options: TenantryErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
    this.hint = options.hint;
  }

  get kind(): ErrorKind {
    return ERROR_CODES[this.code].kind;
  }

  toJSON(): { code: ErrorCode; kind: ErrorKind; message: string; details: ErrorDetails; hint?: string } {
    return { code: this.code, kind: this.kind, message: this.message, details: this.details, ...(this.hint ? { hint: this.hint } : {}) };
  }

  static invalidInput(issues: InputIssue[]): TenantryError {
    const fields = [...new Set(issues.map((issue) => issue.path || '(input)'))];
    const summary = issues.map((issue) => `${issue.path || '(input)'}: ${issue.message}`).join('; ');
    return new TenantryError('INVALID_INPUT', {
      message: `Invalid ${fields.join(', ')}: ${summary}`,
      details: { issues },
      hint: 'Correct the named fields and try again.',
    });
  }

  static tenantNotFound(slug: string): TenantryError {
    return new TenantryError('TENANT_NOT_FOUND', {
      message: `No tenant with slug "${slug}".`,
      details: { slug },
      hint: 'List tenants with `tenantry tenant list`.',
    });
  }

  static slugTaken(slug: string): TenantryError {
    return new TenantryError('SLUG_TAKEN', {
      message: `The slug "${slug}" is already taken by another tenant.`,
      details: { slug },
      hint: `Pick another slug; \`tenantry slug suggest "<name>"\` lists free ones.`,
    });
  }

  static emailTaken(email: string): TenantryError {
    return new TenantryError('EMAIL_TAKEN', {
      message: `A user with email ${email} already exists.`,
      details: { email },
      hint: 'Pass --allow-existing-user (allowExistingUser) to make that user the owner of this tenant too.',
    });
  }

  static hostnameTaken(hostname: string): TenantryError {
    return new TenantryError('HOSTNAME_TAKEN', {
      message: `The hostname ${hostname} already belongs to a tenant.`,
      details: { hostname },
      hint: 'Use another hostname, or remove it from the tenant that has it.',
    });
  }

  /** Another token not revoked (active or expired) has the name: names tell live credentials apart. */
  static serviceTokenNameTaken(name: string): TenantryError {
    return new TenantryError('SERVICE_TOKEN_NAME_TAKEN', {
      message: `A service token named "${name}" exists and is not revoked.`,
      details: { name },
      hint: 'Choose another name, or revoke that token first (`tenantry token list` shows its prefix).',
    });
  }

  static forbidden(operation: string, reason: string): TenantryError {
    return new TenantryError('FORBIDDEN', {
      message: `Forbidden: ${reason}.`,
      details: { operation },
      hint: 'Act as a user with a role that allows it, or as the platform operator.',
    });
  }

  static storeLocked(dataDir: string, holder: string, lockPath: string): TenantryError {
    return new TenantryError('STORE_LOCKED', {
      message: `The embedded store at ${dataDir} is in use by ${holder}.`,
      details: { dataDir, holder, lockPath },
      hint: `Wait for that process to finish (it opened the store for itself), or point TENANTRY_DATABASE_URL at a PostgreSQL server. If no such process is running any more, remove ${lockPath}.`,
    });
  }

  static databaseNotFound(target: string, cause?: unknown): TenantryError {
    const database = target.slice(target.indexOf('/') + 1);
    return new TenantryError('DATABASE_NOT_FOUND', {
      message: `The database "${database}" does not exist on the server ${target.slice(0, target.indexOf('/'))}.`,
      details: { target, database },
      hint: 'Check the database name in the URL (TENANTRY_DATABASE_URL or --database-url), or create it with `tenantry db init --create`.',
      cause,
    });
  }

  static storeServerLost(dataDir: string, reason: string, cause?: unknown): TenantryError {
    return new TenantryError('UNAVAILABLE', {
      message: `Lost the embedded store's serving process (${dataDir}): ${reason}.`,
      details: { dataDir, reason },
      hint: 'Run the command again: the next one starts the serving process (committed work is kept).',
      cause,
    });
  }

  static unreachable(target: string, reason: string, cause?: unknown): TenantryError {
    return new TenantryError('DATABASE_UNREACHABLE', {
      message: `Cannot connect to the PostgreSQL server at ${target}: ${reason}.`,
      details: { target, reason },
      hint: 'Check that the server is running and that the database URL is right; safe to retry.',
      cause,
    });
  }

  static planStale(operation: string, expected: string, plan: { fingerprint: string; steps: unknown[]; changes: unknown[] }): TenantryError {
    return new TenantryError('PLAN_STALE', {
      message: `The plan of ${operation} changed since it was shown (fingerprint ${expected}, now ${plan.fingerprint}): nothing was written.`,
      details: { operation, expected, actual: plan.fingerprint, plan },
      hint: 'Review the new plan (details.plan, or run again with --dry-run) and apply that one.',
    });
  }

  static internal(cause: unknown): TenantryError {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new TenantryError('INTERNAL', {
      message: `Unexpected failure: ${reason}`,
      hint: 'Run again with --verbose for the stack trace, and report it if it persists.',
      cause,
    });
  }
}

/** Also true for a TenantryError from another copy of the package (two installed versions). */
export function isTenantryError(value: unknown): value is TenantryError {
  if (value instanceof TenantryError) return true;
  if (!(value instanceof Error) || value.name !== 'TenantryError') return false;
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' && code in ERROR_CODES;
}
