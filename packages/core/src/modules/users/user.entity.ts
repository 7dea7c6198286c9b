import { defineEntity, p } from '@mikro-orm/core';
import { CONTROL_PLANE_SCHEMA, idProperty, timestampProperties } from '../../db/base-properties.ts';

const UserSchema = defineEntity({
  name: 'User',
  tableName: 'users',
  schema: CONTROL_PLANE_SCHEMA,
  properties: {
    id: idProperty(),
    email: p.string(),
    name: p.string().nullable(),
    /** scrypt hash; never the password itself. */
    passwordHash: p.string().nullable().hidden().lazy(),
    mustChangePassword: p.boolean(),
    ...timestampProperties(),
  },
});

export class User extends UserSchema.class {}
UserSchema.setClass(User);
