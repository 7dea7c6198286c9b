import { defineEntity, p } from '@mikro-orm/core';
import { CONTROL_PLANE_SCHEMA, createdAtProperty, idProperty } from '../../db/base-properties.ts';
import { Tenant } from '../tenants/tenant.entity.ts';

export const DOMAIN_KINDS = ['subdomain', 'custom'] as const;
export type DomainKind = (typeof DOMAIN_KINDS)[number];

const DomainSchema = defineEntity({
  name: 'Domain',
  tableName: 'domains',
  schema: CONTROL_PLANE_SCHEMA,
  properties: {
    id: idProperty(),
    tenant: () => p.manyToOne(Tenant).deleteRule('cascade'),
    hostname: p.string().unique(),
    kind: p.enum(DOMAIN_KINDS),
    isPrimary: p.boolean(),
    verificationToken: p.string().nullable(),
    verifiedAt: p.datetime().nullable(),
    createdAt: createdAtProperty(),
  },
});

export class Domain extends DomainSchema.class {}
DomainSchema.setClass(Domain);
