import { isTenantryError, TenantryError, type ErrorKind } from '@tenantry/sdk';

/**
 * The HTTP status of every error kind: a new kind does not compile until it has one here. A state that
 * does not allow the call is 422 (the request was understood and refused); 412 is kept for the one
 * precondition a caller states, `If-Match` (PLAN_STALE).
 */
export const HTTP_STATUS: Record<ErrorKind, number> = {
  internal: 500,
  cancelled: 400,
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  plan_stale: 412,
  precondition_failed: 422,
  partial_failure: 422,
  rate_limited: 429,
  unhealthy: 503,
  unavailable: 503,
};

/** An RFC 9457 problem document with Tenantry's code, kind, details and hint beside the standard members. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  kind: ErrorKind;
  details: Record<string, unknown>;
  hint?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const ERRORS_DOC = 'https://github.com/tenantry/tenantry/blob/main/docs/errors.md';

export function problemOf(failure: TenantryError, instance: string): Problem {
  return {
    type: `${ERRORS_DOC}#${failure.code.toLowerCase()}`,
    title: failure.code,
    status: HTTP_STATUS[failure.kind],
    detail: failure.message,
    instance,
    code: failure.code,
    kind: failure.kind,
    details: failure.details,
    ...(failure.hint ? { hint: failure.hint } : {}),
  };
}

/** What a failure becomes on the wire: Tenantry's own errors as they are; Fastify's (a bad body) as INVALID_INPUT. */
export function asTenantryFailure(error: unknown): TenantryError {
  if (isTenantryError(error)) return error;
  const fastify = error as { statusCode?: number; code?: string; message?: string };
  if (fastify.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return TenantryError.invalidInput([{ path: 'body', message: 'is larger than the server accepts (1 MiB)' }]);
  }
  if (typeof fastify.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    return TenantryError.invalidInput([{ path: 'body', message: fastify.message ?? 'is not valid' }]);
  }
  return TenantryError.internal(error);
}
