import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { operationIds } from '@tenantry/sdk';
import { REPO_ROOT } from '@tenantry/testing';
import { describe, expect, it } from 'vitest';
import { apiRoutes, buildOpenApiDocument, openApiDocumentText } from './index.ts';

const routes = apiRoutes({ enabled: false, plan: 'basic' });

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(buildOpenApiDocument(routes));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('is committed as docs/openapi.json as it is (run `pnpm docs:generate`)', async () => {
    const committed = await readFile(join(REPO_ROOT, 'docs', 'openapi.json'), 'utf8');
    expect(committed === openApiDocumentText(), 'docs/openapi.json is stale: run `pnpm docs:generate`').toBe(true);
  });

  it('has the paths programs are written against, each change with its operation’s schema', () => {
    const document = buildOpenApiDocument(routes) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: object } }> } }>>;
    };
    for (const [method, path] of [
      ['post', '/v1/tenants'],
      ['get', '/v1/tenants'],
      ['get', '/v1/tenants/{slug}'],
      ['post', '/v1/tenants/{slug}/invitations'],
      ['post', '/v1/invitations/accept'],
      ['get', '/v1/tenants/{slug}/roles'],
      ['post', '/v1/tenants/{slug}/roles'],
      ['delete', '/v1/tenants/{slug}/roles/{id}'],
      ['post', '/v1/signup'],
    ] as const) {
      expect(document.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    const invite = document.paths['/v1/tenants/{slug}/invitations']?.post?.requestBody?.content['application/json']?.schema.properties;
    expect(Object.keys(invite ?? {}).sort()).toEqual(['email', 'expiresDays', 'role']);
    const known = new Set(operationIds());
    for (const spec of routes) if (spec.operation) expect(known.has(spec.operation), spec.operation).toBe(true);
  });
});
