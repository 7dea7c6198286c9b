import { defineEntity, p } from '@mikro-orm/core';
import { CONTROL_PLANE_SCHEMA, createdAtProperty, idProperty } from '../../db/base-properties.ts';

/** A platform credential, shown once as `tts_<prefix>_<secret>`; stored as the prefix and a sha256 of the whole token. */
const ServiceTokenSchema = defineEntity({
  name: 'ServiceToken',
  tableName: 'service_tokens',
  schema: CONTROL_PLANE_SCHEMA,
  properties: {
    id: idProperty(),
    name: p.string(),
    prefix: p.string().unique(),
    tokenHash: p.string().hidden(),
    expiresAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    lastUsedAt: p.datetime().nullable(),
    createdBy: p.string(),
    createdAt: createdAtProperty(),
  },
});

export class ServiceToken extends ServiceTokenSchema.class {}
ServiceTokenSchema.setClass(ServiceToken);
