import { defineEntity, p } from '@mikro-orm/core';
import { CONTROL_PLANE_SCHEMA, createdAtProperty, idProperty } from '../../db/base-properties.ts';
import { Membership } from '../memberships/membership.entity.ts';
import { ROLES } from './roles.ts';

const RoleAssignmentSchema = defineEntity({
  name: 'RoleAssignment',
  tableName: 'role_assignments',
  schema: CONTROL_PLANE_SCHEMA,
  properties: {
    id: idProperty(),
    membership: () => p.manyToOne(Membership).deleteRule('cascade'),
    role: p.enum(ROLES),
    createdAt: createdAtProperty(),
  },
});

export class RoleAssignment extends RoleAssignmentSchema.class {}
RoleAssignmentSchema.setClass(RoleAssignment);
