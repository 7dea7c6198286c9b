import { defineEntity, p } from '@mikro-orm/core';
import { CONTROL_PLANE_SCHEMA, idProperty, timestampProperties } from '../../db/base-properties.ts';
import { ROLES } from '../roles/roles.ts';
import { Tenant } from '../tenants/tenant.entity.ts';

export const INVITATION_STATES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

/** One pending invitation per tenant and email (a partial unique index); the token is stored hashed. */
const InvitationSchema = defineEntity({
  name: 'Invitation',
  tableName: 'invitations',
  schema: CONTROL_PLANE_SCHEMA,
  properties: {
    id: idProperty(),
    tenant: () => p.manyToOne(Tenant).deleteRule('cascade'),
    email: p.string(),
    role: p.enum(ROLES).nullable(),
    /** sha256 of the token; never the token. */
    tokenHash: p.string().hidden(),
    state: p.enum(INVITATION_STATES),
    expiresAt: p.datetime(),
    invitedBy: p.string(),
    sendCount: p.integer(),
    lastSentAt: p.datetime(),
    acceptedAt: p.datetime().nullable(),
    acceptedUserId: p.uuid().nullable(),
    revokedAt: p.datetime().nullable(),
    ...timestampProperties(),
  },
});

export class Invitation extends InvitationSchema.class {}
InvitationSchema.setClass(Invitation);
