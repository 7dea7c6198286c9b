import { createHash } from 'node:crypto';
import { TenantryError, type IdempotentCall, type OperationOptions, type TenantryClient } from '@tenantry/sdk';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, type Caller } from './authenticate.ts';
import { HTTP_STATUS, PROBLEM_CONTENT_TYPE, asTenantryFailure, problemOf } from './problem.ts';
import type { RouteCall, RouteSpec } from './route.ts';

/**
 * Runs one route: authenticate, read a change's options (`?dryRun`, `If-Match`), replay or claim its
 * `Idempotency-Key`, call the SDK, answer JSON (or a problem). Every audit event of the call carries the
 * request id as its correlation id.
 */
export async function handleRoute(root: TenantryClient, spec: RouteSpec, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const correlationId = request.id;
  const caller = spec.public ? publicCaller(root, request.ip, correlationId) : await authenticate(root, headersOf(request), correlationId);
  const { dryRun, ...query } = (request.query ?? {}) as Record<string, unknown>;
  const call: RouteCall = {
    params: (request.params ?? {}) as Record<string, string>,
    query,
    body: bodyOf(request.body),
    options: isChange(spec) ? changeOptions(dryRun, request.headers['if-match']) : readOnly(dryRun),
    ip: request.ip,
  };
  const idempotent = isChange(spec) && !call.options.dryRun ? idempotentCall(request, caller, spec) : undefined;
  if (idempotent) {
    const claim = await caller.client.idempotency.claim(idempotent);
    if (claim.state === 'replay') {
      await reply.code(claim.status).header('idempotent-replayed', 'true').type(contentTypeOf(claim.status)).send(claim.response);
      return;
    }
  }
  try {
    const value = await spec.run(caller.client, call);
    const status = spec.creates && CREATED.has(resultOf(value)) ? 201 : 200;
    if (idempotent) await caller.client.idempotency.complete(idempotent, status, value);
    const fingerprint = fingerprintOf(value);
    if (fingerprint) reply.header('etag', `"${fingerprint}"`);
    await reply.code(status).send(value);
  } catch (error) {
    const failure = asTenantryFailure(error);
    if (idempotent) await settleFailed(caller.client, idempotent, failure, request.url);
    throw failure;
  }
}

/** A failure the caller caused is the answer to every retry; one of the server's (unavailable, a bug) lets a retry run again. */
async function settleFailed(client: TenantryClient, call: IdempotentCall, failure: TenantryError, instance: string): Promise<void> {
  const status = HTTP_STATUS[failure.kind];
  await (status >= 500 ? client.idempotency.release(call) : client.idempotency.complete(call, status, problemOf(failure, instance))).catch(() => undefined);
}

function publicCaller(root: TenantryClient, ip: string, correlationId: string): Caller {
  return { client: root.withCall({ actor: { type: 'system', label: `public call from ${ip}` }, correlationId, face: 'http' }), credential: `public:${ip}` };
}

function headersOf(request: FastifyRequest) {
  const actAs = request.headers['tenantry-act-as'];
  return { authorization: request.headers.authorization, actAs: Array.isArray(actAs) ? actAs[0] : actAs };
}

function isChange(spec: RouteSpec): boolean {
  return spec.method !== 'GET' && !spec.check && (spec.operation !== undefined || spec.body !== undefined);
}

function changeOptions(dryRun: unknown, ifMatch: string | undefined): OperationOptions {
  const fingerprint = ifMatch
    ?.replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1')
    .trim();
  return { ...(flag(dryRun) ? { dryRun: true } : {}), ...(fingerprint ? { expectFingerprint: fingerprint } : {}) };
}

function readOnly(dryRun: unknown): OperationOptions {
  if (dryRun !== undefined) throw TenantryError.invalidInput([{ path: 'dryRun', message: 'is for changes only: a read writes nothing anyway' }]);
  return {};
}

function flag(value: unknown): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true' || value === '') return true;
  throw TenantryError.invalidInput([{ path: 'dryRun', message: 'must be true or false' }]);
}

function bodyOf(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw TenantryError.invalidInput([{ path: 'body', message: 'must be a JSON object' }]);
  return body as Record<string, unknown>;
}

function idempotentCall(request: FastifyRequest, caller: Caller, spec: RouteSpec): IdempotentCall | undefined {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return undefined;
  const route = `${spec.method} ${request.url.split('?')[0]}`;
  const bodyHash = createHash('sha256')
    .update(JSON.stringify({ query: request.query ?? {}, body: request.body ?? null }))
    .digest('hex');
  return { key: Array.isArray(key) ? (key[0] ?? '') : key, caller: caller.credential, route, bodyHash };
}

/** A change's `result` when it made something (provisioning says `created`). */
const CREATED = new Set<unknown>(['applied', 'created']);

function resultOf(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? (value as { result?: unknown }).result : undefined;
}

function fingerprintOf(value: unknown): string | undefined {
  const fingerprint = value !== null && typeof value === 'object' ? (value as { fingerprint?: unknown }).fingerprint : undefined;
  return typeof fingerprint === 'string' ? fingerprint : undefined;
}

function contentTypeOf(status: number): string {
  return status >= 400 ? PROBLEM_CONTENT_TYPE : 'application/json; charset=utf-8';
}
