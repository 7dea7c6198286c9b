import { openDatabase, type ActingUser, type DatabaseTarget, type TenantSession } from '@tenantry/core';
import { resolveBlueprint } from './blueprint-loader.ts';
import { resolveOptions, type TenantryOptions } from './options.ts';
import { ApiKeys } from './resources/api-keys.ts';
import { Audit } from './resources/audit.ts';
import { DatabaseResource } from './resources/database.ts';
import { Migrations } from './resources/migrations.ts';
import { Domains } from './resources/domains.ts';
import { Events } from './resources/events.ts';
import { Health } from './resources/health.ts';
import { Idempotency } from './resources/idempotency.ts';
import { Invitations } from './resources/invitations.ts';
import { Members } from './resources/members.ts';
import { Plans } from './resources/plans.ts';
import { Roles } from './resources/roles.ts';
import { Tenants } from './resources/tenants.ts';
import { Tokens } from './resources/tokens.ts';
import { Webhooks } from './resources/webhooks.ts';
import { Users } from './resources/users.ts';
import { ClientRuntime, type CallScope } from './runtime.ts';
import { withTenant, type TenantRef } from './with-tenant.ts';

/**
 * The Tenantry API. Close it (or `await using` it) to release the database.
 *
 * Every method that reaches the database may also throw a {@link TenantryError} with one of these codes,
 * besides those its own documentation lists: `DATABASE_UNREACHABLE` and `UNAVAILABLE` (safe to retry),
 * `STORE_LOCKED` (another process holds the embedded store), `MIGRATIONS_PENDING` and `SCHEMA_TOO_NEW`
 * (the control plane is not at this version), and `INTERNAL` (a bug; the cause is kept).
 * Every code with its meaning: docs/errors.md.
 *
 * @example
 * ```ts
 * await using tenantry = await createTenantry({ databaseUrl: 'postgresql://ops@db:5432/tenantry' });
 * const support = tenantry.as('support@platform.example'); // acts and is audited as that user
 * ```
 */
export class TenantryClient implements AsyncDisposable {
  readonly tenants: Tenants;
  readonly database: DatabaseResource;
  /** The blueprint's tenant migrations across all tenants. */
  readonly migrations: Migrations;
  readonly audit: Audit;
  /** Lifecycle events, read in order with a cursor. */
  readonly events: Events;
  readonly members: Members;
  readonly invitations: Invitations;
  readonly apiKeys: ApiKeys;
  /** Platform service tokens, the operator's credential for the HTTP API. */
  readonly tokens: Tokens;
  /** Subscriptions to lifecycle events (signed webhooks, Slack, email) and their deliveries. */
  readonly webhooks: Webhooks;
  readonly domains: Domains;
  readonly plans: Plans;
  readonly roles: Roles;
  readonly health: Health;
  /** Users across tenants: a new one-time password. */
  readonly users: Users;
  /** Idempotency keys for a server in front of Tenantry. */
  readonly idempotency: Idempotency;
  readonly #runtime: ClientRuntime;

  constructor(runtime: ClientRuntime) {
    this.#runtime = runtime;
    this.tenants = new Tenants(runtime);
    this.database = new DatabaseResource(runtime);
    this.migrations = new Migrations(runtime);
    this.audit = new Audit(runtime);
    this.events = new Events(runtime);
    this.members = new Members(runtime);
    this.invitations = new Invitations(runtime);
    this.apiKeys = new ApiKeys(runtime);
    this.tokens = new Tokens(runtime);
    this.webhooks = new Webhooks(runtime);
    this.domains = new Domains(runtime);
    this.plans = new Plans(runtime);
    this.roles = new Roles(runtime);
    this.health = new Health(runtime);
    this.users = new Users(runtime);
    this.idempotency = new Idempotency(runtime);
  }

  /**
   * The same API acting as a tenant user (an email, or `{ email }` / `{ userId }`): every call is held
   * to that user's roles in the tenant it names, and audited under their name. Shares this client's
   * database; closing it does nothing, closing this client closes both.
   */
  as(user: string | ActingUser): TenantryClient {
    return new TenantryClient(this.#runtime.withActor(typeof user === 'string' ? { email: user } : user));
  }

  /**
   * Runs application queries in a tenant's data space, in one transaction that commits when `work`
   * resolves: as the non-superuser application role (on a server its own pool logs in as it), on the
   * tenant's schema (schema isolation) or the shared tables under forced row-level security (shared
   * isolation), with the tenant setting signed. It is a boundary against mistakes in application code,
   * other tenants' calls on the same pool, and (on a server) SQL that resets the role or sets the tenant
   * setting itself; it is not a sandbox for arbitrary SQL (docs/architecture.md, "The data path").
   * `session.query(sql, params)` takes PostgreSQL's `$1` parameters.
   */
  withTenant<T>(tenant: TenantRef, work: (session: TenantSession) => Promise<T>): Promise<T> {
    return withTenant(this.#runtime, tenant, work);
  }

  /**
   * The same API with every call made by another actor or under one correlation id: how a server in
   * front of Tenantry passes on who called (a service token's holder, a tenant's API key, see
   * `Actor.apiKey`), its request id, which every audit event of the call then carries, and its face. Trusted like
   * the client itself: whoever holds the client may name any actor. Shares this client's database.
   */
  withCall(scope: Pick<CallScope, 'actor' | 'correlationId' | 'face'>): TenantryClient {
    return new TenantryClient(this.#runtime.withScope(scope));
  }

  /** Where this client's data lives: the embedded store's directory or the server's host:port/database. */
  get target(): DatabaseTarget {
    return this.#runtime.database.target;
  }

  close(): Promise<void> {
    return this.#runtime.close();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}

/**
 * Opens Tenantry on the embedded store or a PostgreSQL server and applies pending control-plane
 * migrations. `await using client = await createTenantry()` closes it at the end of the scope.
 */
export async function createTenantry(options: TenantryOptions = {}): Promise<TenantryClient> {
  const resolved = resolveOptions(options);
  const blueprint = await resolveBlueprint(resolved);
  const database = await openDatabase(resolved.database, resolved.migrations);
  return new TenantryClient(new ClientRuntime(database, { ...resolved, blueprint }));
}
