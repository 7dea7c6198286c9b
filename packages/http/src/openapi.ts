import { describeOperation } from '@tenantry/sdk';
import { z } from 'zod';
import type { RouteSpec } from './route.ts';
import { apiRoutes } from './routes/index.ts';

export const API_VERSION = '1.0.0';

type JsonObject = Record<string, unknown>;

/**
 * The OpenAPI 3.1 document of the API: every route with its parameters, and each change's body from
 * its operation's zod schema (the path's parameters left out), so the document cannot drift from what
 * the server validates.
 */
export function buildOpenApiDocument(routes: readonly RouteSpec[]): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const spec of routes) (paths[spec.path] ??= {})[spec.method.toLowerCase()] = operationObject(spec);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tenantry',
      version: API_VERSION,
      description: 'The control plane of a multi-tenant SaaS on PostgreSQL: tenants, their people, keys and domains. See docs/http.md.',
    },
    servers: [{ url: 'http://127.0.0.1:8080', description: 'tenantry serve (default address)' }],
    security: [{ bearer: [] }],
    tags: [...new Set(routes.map((spec) => spec.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'A platform service token (tts_…, from tenantry token create) or a tenant API key (tnt_…, acting in its tenant within its scopes).',
        },
      },
      parameters: {
        dryRun: {
          name: 'dryRun',
          in: 'query',
          required: false,
          schema: { type: 'boolean' },
          description: 'Answer the plan (with its fingerprint) and write nothing.',
        },
        ifMatch: {
          name: 'If-Match',
          in: 'header',
          required: false,
          schema: { type: 'string' },
          description: 'Apply only if the plan still has this fingerprint (a dry run’s ETag); else 412 PLAN_STALE and nothing is written.',
        },
        idempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          schema: { type: 'string', maxLength: 255 },
          description: 'The same key and body within 24 hours answer the first response (secrets redacted); another body is 422.',
        },
        actAs: {
          name: 'Tenantry-Act-As',
          in: 'header',
          required: false,
          schema: { type: 'string' },
          description: 'With a service token: act as this tenant user (email or user id), held to their roles.',
        },
      },
      schemas: { Problem: PROBLEM_SCHEMA },
      responses: {
        Problem: {
          description: 'An error (RFC 9457), with Tenantry’s code, kind, details and hint.',
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
    },
  };
}

/** The document as docs/openapi.json holds it (a server with sign-up off; the routes are the same with it on). */
export function openApiDocumentText(): string {
  return `${JSON.stringify(buildOpenApiDocument(apiRoutes({ enabled: false, plan: 'basic' })), null, 2)}\n`;
}

function operationObject(spec: RouteSpec): JsonObject {
  const pathNames = [...spec.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
  const change = spec.method !== 'GET' && !spec.check && (spec.operation !== undefined || spec.body !== undefined);
  const parameters: JsonObject[] = [
    ...pathNames.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
    ...queryParameters(spec.query),
    ...(change
      ? [{ $ref: '#/components/parameters/dryRun' }, { $ref: '#/components/parameters/ifMatch' }, { $ref: '#/components/parameters/idempotencyKey' }]
      : []),
    ...(spec.public ? [] : [{ $ref: '#/components/parameters/actAs' }]),
  ];
  const body = bodySchema(spec, pathNames);
  const success = {
    description: change ? 'The plan (a dry run) or the change: result is applied, unchanged or planned.' : 'The answer.',
    content: { 'application/json': { schema: { type: 'object' } } },
  };
  return {
    operationId: operationIdOf(spec),
    summary: spec.summary || (spec.operation ? describeOperation(spec.operation).summary : ''),
    tags: [spec.tag],
    ...(spec.public ? { security: [] } : {}),
    parameters,
    ...(body ? { requestBody: { required: spec.method !== 'DELETE', content: { 'application/json': { schema: body } } } } : {}),
    responses: {
      [spec.creates ? '201' : '200']: success,
      ...(spec.creates
        ? { '200': { description: 'A dry run’s plan, or unchanged: the identical request was already applied.', content: success.content } }
        : {}),
      default: { $ref: '#/components/responses/Problem' },
    },
  };
}

function bodySchema(spec: RouteSpec, pathNames: string[]): JsonObject | undefined {
  if (spec.method === 'GET') return undefined;
  const schema = spec.body ?? (spec.operation ? describeOperation(spec.operation).input : undefined);
  if (!schema) return undefined;
  const own = schema instanceof z.ZodObject ? withoutFields(schema, pathNames) : schema;
  if (own instanceof z.ZodObject && Object.keys(own.shape).length === 0) return undefined;
  return jsonSchemaOf(own);
}

function withoutFields(schema: z.ZodObject, names: string[]): z.ZodObject {
  const shape = Object.fromEntries(Object.entries(schema.shape).filter(([name]) => !names.includes(name)));
  return schema.def.catchall instanceof z.ZodNever ? z.strictObject(shape) : z.object(shape);
}

function queryParameters(query: z.ZodObject | undefined): JsonObject[] {
  if (!query) return [];
  const schema = jsonSchemaOf(query) as { properties?: Record<string, JsonObject>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
}

function jsonSchemaOf(schema: z.ZodType): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonObject;
  return rest;
}

function operationIdOf(spec: RouteSpec): string {
  if (spec.operation) return spec.operation.replace(/[._](\w)/g, (_match, letter: string) => letter.toUpperCase());
  const words = spec.path
    .replace(/^\/v1\//, '')
    .split('/')
    .filter((part) => !part.startsWith('{'));
  const verb = spec.method === 'GET' ? (spec.path.endsWith('}') ? 'get' : 'list') : spec.method.toLowerCase();
  return [verb, ...words]
    .map((word, index) => (index === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join('')
    .replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
}

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code', 'kind', 'details'],
  properties: {
    type: { type: 'string', description: 'Where the code is explained (docs/errors.md).' },
    title: { type: 'string', description: 'The code.' },
    status: { type: 'integer' },
    detail: { type: 'string', description: 'What went wrong, for a person.' },
    instance: { type: 'string', description: 'The path called.' },
    code: { type: 'string', description: 'Tenantry’s stable error code: branch on this.' },
    kind: { type: 'string', description: 'The error kind; the status comes from it.' },
    details: { type: 'object', description: 'JSON facts of the error; INVALID_INPUT: details.issues[{path, message}].' },
    hint: { type: 'string', description: 'The next step.' },
  },
};
