import { describeOperation, type OperationOptions, type TenantryClient } from '@tenantry/sdk';
import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a route's handler gets: the path parameters, the query, the body, and a change's options. */
export interface RouteCall {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
  /** `?dryRun=true` and `If-Match: <fingerprint>`. */
  options: OperationOptions;
  /** The client's address (sign-up's rate limit and audit). */
  ip: string;
}

/**
 * One route of the API: a thin call of the SDK. A route with an `operation` is a change: its body is the
 * operation's input without the path's parameters (the OpenAPI schema comes from the operation's zod
 * schema), and it takes `?dryRun=true`, `If-Match` and `Idempotency-Key`.
 */
export interface RouteSpec {
  method: HttpMethod;
  /** OpenAPI style: `/v1/tenants/{slug}`. */
  path: string;
  summary: string;
  tag: string;
  /** The id of the operation a change runs (`tenant.suspend`). */
  operation?: string;
  /** The body of a change that is not one operation's input (sign-up), or of a credential route. */
  body?: z.ZodType;
  /** The query of a read. */
  query?: z.ZodObject;
  /** Reached without a credential (the body carries it, or sign-up). */
  public?: boolean;
  /** 201 when the change was applied. */
  creates?: boolean;
  /**
   * A question with a body, not a change (sign-in): no dry run, If-Match or Idempotency-Key, so a
   * successful sign-in can never be answered again from a stored response.
   */
  check?: boolean;
  /** Limited per client address (sign-up). */
  rateLimited?: boolean;
  run(client: TenantryClient, call: RouteCall): Promise<unknown>;
}

/** The input of a change: the body, with the path's parameters (the path names what is changed, the body cannot). */
export function inputOf<T>(call: RouteCall, ...names: string[]): T {
  const fromPath = Object.fromEntries(names.map((name) => [name, call.params[name]]));
  return { ...call.body, ...fromPath } as T;
}

/** Query values arrive as text: these become numbers when they are numerals (else the schema names the field). */
export function numbersIn(query: Record<string, unknown>, ...names: string[]): Record<string, unknown> {
  const out = { ...query };
  for (const name of names) {
    const value = out[name];
    if (typeof value === 'string' && /^-?\d+$/.test(value)) out[name] = Number(value);
  }
  return out;
}

/** A change of what the path names: the body is the rest of the operation's input; the summary is the operation's. */
export function changeRoute(
  tag: string,
  method: HttpMethod,
  path: string,
  operation: string,
  call: (client: TenantryClient, input: never, options: OperationOptions) => Promise<unknown>,
  extra: Pick<RouteSpec, 'creates' | 'public'> = {},
): RouteSpec {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
  return {
    method,
    path,
    summary: describeOperation(operation).summary,
    tag,
    operation,
    ...extra,
    run: (client, routeCall) => call(client, inputOf<never>(routeCall, ...names), routeCall.options),
  };
}
