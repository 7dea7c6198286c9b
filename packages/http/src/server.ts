import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import { TenantryError, type PlanCode, type TenantryClient } from '@tenantry/sdk';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { handleRoute } from './handle-route.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { PROBLEM_CONTENT_TYPE, asTenantryFailure, problemOf } from './problem.ts';
import { apiRoutes } from './routes/index.ts';

export interface ServerOptions {
  /** Self-service sign-up (POST /v1/signup): off unless true. */
  allowSignup?: boolean;
  /** The plan a signed-up tenant gets. Default basic. */
  signupPlan?: PlanCode;
  /** Sign-ups per client address per window. Default 5 per 60 s. */
  signupRateLimit?: { max: number; windowSeconds: number };
  /** Where the JSON log lines go (one per request); false: no log. Default stdout. */
  log?: false | { stream: NodeJS.WritableStream; level?: 'info' | 'warn' | 'error' | 'debug' };
  /** The largest request body accepted. Default 1 MiB. */
  bodyLimitBytes?: number;
  /** How long a request may take to arrive in full, and to be answered. Default 30 s. */
  requestTimeoutMs?: number;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The Tenantry HTTP API over an open client: Fastify with JSON logs (a request id per call, which is
 * also the audit correlation id; a caller's `X-Request-Id` is kept when it is a UUID), problem+json
 * errors, a body limit, request timeouts, `/healthz` and `/readyz`. Closing the server finishes the
 * requests in flight; closing the client stays the caller's.
 */
export async function createServer(client: TenantryClient, options: ServerOptions = {}): Promise<FastifyInstance> {
  const timeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const app = Fastify({
    logger: options.log === false ? false : { level: options.log?.level ?? 'info', ...(options.log ? { stream: options.log.stream } : {}) },
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && UUID.test(given) ? given.toLowerCase() : randomUUID();
    },
    bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT,
    requestTimeout: timeout,
    connectionTimeout: timeout,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('request-id', request.id);
  });
  // Closing waits for every connection to end, and a kept-alive one would stay open until its keep-alive
  // timeout: once closing, each answer to a request still in flight closes its connection.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
  app.setErrorHandler(async (error, request, reply) => {
    const failure = asTenantryFailure(error);
    if (failure.kind === 'internal')
      request.log.error({ code: failure.code, cause: failure.cause instanceof Error ? failure.cause.message : failure.message }, 'request failed');
    await sendProblem(reply, failure, request.url);
  });
  app.setNotFoundHandler(async (request, reply) => {
    await sendProblem(
      reply,
      new TenantryError('NOT_FOUND', { message: `No route ${request.method} ${request.url.split('?')[0]}.`, hint: 'GET /v1/openapi.json lists every route.' }),
      request.url,
    );
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new TenantryError('RATE_LIMITED', {
        message: `Too many calls from this address: at most ${context.max} per ${context.after}.`,
        details: { retryAfterSeconds: Math.ceil(context.ttl / 1000), max: context.max },
        hint: 'Wait and try again (the Retry-After header says when).',
      }),
  });
  const routes = apiRoutes({ enabled: options.allowSignup === true, plan: options.signupPlan ?? 'basic' });
  const document = buildOpenApiDocument(routes);
  const limit = options.signupRateLimit ?? { max: 5, windowSeconds: 60 };
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async () => {
    await client.database.status();
    return { status: 'ready' };
  });
  app.get('/v1/openapi.json', async () => document);
  for (const spec of routes) {
    app.route({
      method: spec.method,
      url: spec.path.replace(/\{(\w+)\}/g, ':$1'),
      ...(spec.rateLimited ? { config: { rateLimit: { max: limit.max, timeWindow: limit.windowSeconds * 1000 } } } : {}),
      handler: (request, reply) => handleRoute(client, spec, request, reply),
    });
  }
  return app;
}

async function sendProblem(reply: FastifyReply, failure: TenantryError, instance: string): Promise<void> {
  const problem = problemOf(failure, instance.split('?')[0] ?? instance);
  await reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}
