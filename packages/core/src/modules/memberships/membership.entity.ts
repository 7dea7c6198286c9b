import { defineEntity, p } from '@mikro-orm/core';
import { CONTROL_PLANE_SCHEMA, createdAtProperty, idProperty } from '../../db/base-properties.ts';
import { Tenant } from '../tenants/tenant.entity.ts';
import { User } from '../users/user.entity.ts';

const MembershipSchema = defineEntity({
  name: 'Membership',
  tableName: 'memberships',
  schema: CONTROL_PLANE_SCHEMA,
  properties: {
    id: idProperty(),
    tenant: () => p.manyToOne(Tenant).deleteRule('cascade'),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    createdAt: createdAtProperty(),
  },
});

export class Membership extends MembershipSchema.class {}
MembershipSchema.setClass(Membership);
