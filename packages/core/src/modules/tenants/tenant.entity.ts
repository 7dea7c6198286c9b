import { defineEntity, p } from '@mikro-orm/core';
import { CONTROL_PLANE_SCHEMA, idProperty, timestampProperties } from '../../db/base-properties.ts';
import { PLAN_CODES, type FeatureFlags, type Limits } from '../plans/catalog.ts';
import { ISOLATION_MODES, TENANT_STATUSES } from './tenant.schemas.ts';
import type { SecurityPolicy } from './security-policy.ts';

const TenantSchema = defineEntity({
  name: 'Tenant',
  tableName: 'tenants',
  schema: CONTROL_PLANE_SCHEMA,
  properties: {
    id: idProperty(),
    slug: p.string().unique(),
    name: p.string(),
    status: p.enum(TENANT_STATUSES),
    plan: p.enum(PLAN_CODES),
    limits: p.json<Limits>(),
    features: p.json<FeatureFlags>(),
    settings: p.json<Record<string, unknown>>(),
    timeZone: p.string(),
    contactEmail: p.string().nullable(),
    supportEmail: p.string().nullable(),
    supportPhone: p.string().nullable(),
    trialEndsAt: p.datetime().nullable(),
    paidUntil: p.datetime().nullable(),
    securityPolicy: p.json<SecurityPolicy>(),
    isolation: p.enum(ISOLATION_MODES),
    schemaName: p.string().nullable(),
    provisionFingerprint: p.string(),
    ...timestampProperties(),
    deletionScheduledAt: p.datetime().nullable(),
    // Lifecycle (migration 0002): suspension, soft deletion with a grace period, purge tombstone.
    suspendedAt: p.datetime().nullable(),
    suspensionReason: p.string().nullable(),
    deletionRequestedAt: p.datetime().nullable(),
    statusBeforeDeletion: p.enum(['active', 'suspended'] as const).nullable(),
    purgedAt: p.datetime().nullable(),
    /** Raised by every applied change to the tenant (operations/execute.ts); part of every plan's fingerprint. */
    revision: p.integer().default(0),
  },
});

export class Tenant extends TenantSchema.class {}
TenantSchema.setClass(Tenant);
