import { defineEntity, p } from '@mikro-orm/core';
import { CONTROL_PLANE_SCHEMA, createdAtProperty, idProperty } from '../../db/base-properties.ts';
import { Tenant } from '../tenants/tenant.entity.ts';

/** Shown once as `tnt_<prefix>_<secret>`; stored as the prefix and a sha256 of the whole key. */
const ApiKeySchema = defineEntity({
  name: 'ApiKey',
  tableName: 'api_keys',
  schema: CONTROL_PLANE_SCHEMA,
  properties: {
    id: idProperty(),
    tenant: () => p.manyToOne(Tenant).deleteRule('cascade'),
    name: p.string(),
    prefix: p.string().unique(),
    keyHash: p.string().hidden(),
    scopes: p.json<string[]>(),
    expiresAt: p.datetime().nullable(),
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    replacedById: p.uuid().nullable(),
    createdBy: p.string(),
    createdAt: createdAtProperty(),
  },
});

export class ApiKey extends ApiKeySchema.class {}
ApiKeySchema.setClass(ApiKey);
