import {
  TenantryError,
  executeOperation,
  openDataPath,
  resolveUserActor,
  translateDatabaseError,
  uuidv7,
  type ActingUser,
  type Actor,
  type Face,
  type Database,
  type DataPath,
  type Executed,
  type Operation,
  type OperationInput,
  type ServiceContext,
} from '@tenantry/core';
import type { OperationOptions } from './operation-options.ts';
import type { ResolvedOptions } from './options.ts';

/** Who a derived runtime's calls are made by, and under which correlation id (a server's request id). */
export interface CallScope {
  /** Every call acts as this tenant user, held to that user's roles. */
  actingAs?: ActingUser;
  /** Every call acts as this actor (a service token's holder, an API key) instead of the client's. */
  actor?: Actor;
  /** Every call's audit events carry this correlation id instead of a new one per call. */
  correlationId?: string;
  /** The face the calls come through (a server: `http`). */
  face?: Face;
}

/** The open database and the defaults every operation runs with. */
export class ClientRuntime {
  readonly #database: Database;
  readonly #options: ResolvedOptions;
  /** Shared with the runtimes `as()` derives, so closing the root closes them all. */
  readonly #state: { closed: boolean; dataPath: DataPath };
  /** Set on a runtime derived by `as()` or `withCall()`. */
  readonly #scope: CallScope | undefined;

  constructor(database: Database, options: ResolvedOptions, state?: { closed: boolean; dataPath: DataPath }, scope?: CallScope) {
    this.#database = database;
    this.#options = options;
    this.#state = state ?? { closed: false, dataPath: openDataPath(database, options.database, options.dataPath) };
    this.#scope = scope;
  }

  /** A runtime on the same database whose calls act as a tenant user, held to that user's roles. */
  withActor(who: ActingUser): ClientRuntime {
    return this.withScope({ actingAs: who });
  }

  /** A runtime on the same database with this scope laid over this one's. */
  withScope(scope: CallScope): ClientRuntime {
    return new ClientRuntime(this.#database, this.#options, this.#state, { ...this.#scope, ...scope });
  }

  /** Derived runtimes do not own the database; closing one is a no-op. */
  get ownsDatabase(): boolean {
    return this.#scope === undefined;
  }

  get database(): Database {
    return this.#database;
  }

  /** How `withTenant` reaches tenant data: its own login as the application role on a server. */
  get dataPath(): DataPath {
    return this.#state.dataPath;
  }

  get options(): ResolvedOptions {
    return this.#options;
  }

  /** Runs one operation with its own entity manager and correlation id; every failure is a TenantryError. */
  async run<T>(operation: (ctx: ServiceContext) => Promise<T>): Promise<T> {
    if (this.#state.closed) {
      throw new TenantryError('PRECONDITION_FAILED', { message: 'This Tenantry client is closed.', hint: 'Create a new client.' });
    }
    const em = this.#database.fork();
    let actor = this.#scope?.actor ?? this.#options.actor;
    try {
      if (this.#scope?.actingAs) actor = await resolveUserActor(this.#database.fork(), this.#scope.actingAs);
    } catch (error) {
      throw translateDatabaseError(error, this.#database.target);
    }
    const ctx: ServiceContext = {
      em,
      actor,
      now: this.#options.now,
      correlationId: this.#scope?.correlationId ?? uuidv7(),
      settings: { ...(this.#options.baseDomain ? { baseDomain: this.#options.baseDomain } : {}), exportDir: this.#options.exportDir },
      blueprint: this.#options.blueprint,
      mailer: this.#options.mailer,
      ...(this.#options.dnsResolver ? { dnsResolver: this.#options.dnsResolver } : {}),
      face: this.#scope?.face ?? this.#options.face,
    };
    try {
      return await operation(ctx);
    } catch (error) {
      throw translateDatabaseError(error, this.#database.target);
    }
  }

  /** Runs one operation of core's operation layer (plan, dry run, fingerprint check, apply, audit). */
  execute<Schema extends Operation['input'], Data, Value>(
    operation: Operation<Schema, Data, Value>,
    input: OperationInput<Schema>,
    options: OperationOptions = {},
  ): Promise<Executed<Data, Value>> {
    return this.run((ctx) => executeOperation(ctx, operation, input, options));
  }

  async close(): Promise<void> {
    if (this.#state.closed || !this.ownsDatabase) return;
    this.#state.closed = true;
    try {
      await this.#state.dataPath.close();
    } finally {
      await this.#database.close();
    }
  }
}
