import type { SqlEntityManager } from '@mikro-orm/sql';
import type { z } from 'zod';
import type { ServiceContext } from '../context.ts';
import type { TenantryError } from '../errors.ts';
import type { AuditEntry } from '../modules/audit/audit.service.ts';
import type { FieldChange } from '../modules/changes/change.ts';
import type { Access } from '../modules/permissions/authorize.ts';
import type { Permission } from '../modules/permissions/permissions.ts';
import type { Tenant } from '../modules/tenants/tenant.entity.ts';
import type { PlanStep } from '../plan.ts';

/** Who may run an operation: the platform only, a tenant's users as the permission table says, or a credential's holder. */
export type OperationScope = 'platform' | 'tenant' | 'credential';

/** What an operation's plan and apply get: the service context inside the operation's transaction. */
export interface OperationContext extends ServiceContext {
  tx: SqlEntityManager;
  access: Access;
  /** Secondary audit events of this operation (the main one the executor writes from the plan). */
  record(entry: AuditEntry): void;
  /**
   * The lifecycle events of audit entries the operation wrote itself (provisioning writes its audit rows
   * by SQL): recorded after the main event's, so a subscriber hears of the tenant before its members.
   */
  recordEvents(entries: readonly AuditEntry[]): void;
}

export interface TenantOperationContext extends OperationContext {
  /** The tenant named by the input's slug, locked for the change. */
  tenant: Tenant;
}

/** The main audit event of a change: its target and sides (default: the tenant, before/after from the changes). */
export interface AuditSubject {
  /** One of the operation's declared audit actions; default: the first. */
  action?: string;
  /** The tenant it concerns, when the operation is not a tenant operation (accepting an invitation). */
  tenant?: { id: string; slug: string };
  targetType?: string;
  targetId?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** What destroying data asks to be typed back, and how to name it without echoing it. */
export interface Confirmation {
  text: string;
  /** "the exact name of acme-corp" */
  label: string;
}

/**
 * A plan: what applying will do (steps, the diff), computed from the state it read (`basis`, hashed into
 * the fingerprint with the request), and the data `apply` carries out. `unchanged` plans apply nothing.
 */
export interface Planned<Data> {
  steps: PlanStep[];
  changes?: FieldChange[];
  unchanged?: boolean;
  confirm?: Confirmation;
  /** State the plan depends on beyond the tenant's revision (rows read, what is pending). */
  basis?: unknown;
  audit?: AuditSubject;
  data: Data;
}

interface OperationShape<Schema extends z.ZodType> {
  /** Stable id: the permission name for tenant operations, the HTTP and event vocabulary later. */
  id: string;
  /** Third-person fragment for docs: "Suspends an active tenant." */
  summary: string;
  input: Schema;
  /** The audit actions this operation writes as its main event; the plan picks one (default: the first). */
  audit: readonly [string, ...string[]];
  /** Input fields left out of the fingerprint and the audit (secrets). `confirm` is always left out. */
  secretFields?: readonly string[];
  /**
   * A failure that means a concurrent run committed first (a unique violation): the executor plans and
   * applies once more against its result, which tells "the same request, unchanged" from a real conflict.
   */
  retryWhen?: (error: TenantryError, request: z.output<Schema>) => boolean;
  /**
   * Work after a refused run rolled back, in a transaction of its own: a wrong password given as the
   * credential still counts toward the account's lock.
   */
  afterRefusal?: (ctx: ServiceContext, error: TenantryError, request: z.output<Schema>) => Promise<void>;
}

/** Work after the commit of an applied change (delivering the mail it queued); its answer replaces the value. */
type AfterCommit<Value> = (ctx: ServiceContext, value: Value) => Promise<Value>;

export interface TenantOperation<Schema extends z.ZodType = z.ZodType, Data = unknown, Value = unknown> extends OperationShape<Schema> {
  scope: 'tenant';
  /** The permission table entry; default: the id. */
  permission?: Permission;
  plan(ctx: TenantOperationContext, request: z.output<Schema>): Promise<Planned<Data>>;
  apply(ctx: TenantOperationContext, plan: Planned<Data>, request: z.output<Schema>): Promise<Value>;
  afterCommit?: AfterCommit<Value>;
}

/**
 * `platform`: the operator or the system only. `credential`: anyone holding the credential the input
 * carries (an invitation token, an API key); the operation checks it and finds its tenant itself.
 */
export interface PlatformOperation<Schema extends z.ZodType = z.ZodType, Data = unknown, Value = unknown> extends OperationShape<Schema> {
  scope: 'platform' | 'credential';
  /**
   * Applying runs transactions of its own (each tenant of a migration run commits alone): no transaction
   * wraps the operation, `tx` is a plain entity manager, the plan must only read, and the audit commits after.
   */
  ownTransactions?: boolean;
  plan(ctx: OperationContext, request: z.output<Schema>): Promise<Planned<Data>>;
  apply(ctx: OperationContext, plan: Planned<Data>, request: z.output<Schema>): Promise<Value>;
  afterCommit?: AfterCommit<Value>;
}

export type Operation<Schema extends z.ZodType = z.ZodType, Data = unknown, Value = unknown> =
  TenantOperation<Schema, Data, Value> | PlatformOperation<Schema, Data, Value>;

export function defineOperation<Schema extends z.ZodType, Data, Value>(operation: TenantOperation<Schema, Data, Value>): TenantOperation<Schema, Data, Value>;
export function defineOperation<Schema extends z.ZodType, Data, Value>(
  operation: PlatformOperation<Schema, Data, Value>,
): PlatformOperation<Schema, Data, Value>;
export function defineOperation(operation: Operation): Operation {
  return operation;
}

/** What a caller passes to an operation with this input schema (before defaults). */
export type OperationInput<Schema extends z.ZodType> = z.input<Schema>;

/** How a caller runs an operation. */
export interface RunOptions {
  /** Return the plan and write nothing. */
  dryRun?: boolean;
  /** Apply only if the plan still has this fingerprint (the one shown); else PLAN_STALE, nothing written. */
  expectFingerprint?: string;
}

/** What running an operation answers: the plan (always), and what applying returned. */
export interface Executed<Data, Value> {
  result: 'applied' | 'unchanged' | 'planned';
  steps: PlanStep[];
  changes: FieldChange[];
  /** Hash of the operation, its request and the state the plan was computed from. */
  fingerprint: string;
  /** Destructive plans: the exact text to type back (the tenant's name, a schema name). */
  confirmText: string | null;
  data: Data;
  /** Set when applied. */
  value?: Value;
}
