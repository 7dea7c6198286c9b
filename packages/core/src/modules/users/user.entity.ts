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
    /** Consecutive failed sign-ins; reset by a complete sign-in or an unlock (migration 0013). */
    failedSignIns: p.integer().default(0),
    lastFailedSignInAt: p.datetime().nullable(),
    lockedUntil: p.datetime().nullable(),
    lastSignInAt: p.datetime().nullable(),
    passwordChangedAt: p.datetime().nullable(),
    /** The TOTP secret sealed by the installation's totp key; set at enrollment, confirmed by `totpEnrolledAt`. */
    totpSealedSecret: p.string().nullable().hidden().lazy(),
    totpEnrolledAt: p.datetime().nullable(),
    /** The 30-second step of the last code accepted: a code is good once. */
    totpLastStep: p.bigint('number').nullable(),
    /** sha256 of each unused recovery code. */
    recoveryCodeHashes: p
      .json<string[]>()
      .hidden()
      .lazy()
      .onCreate(() => []),
    ...timestampProperties(),
  },
});

export class User extends UserSchema.class {}
UserSchema.setClass(User);
