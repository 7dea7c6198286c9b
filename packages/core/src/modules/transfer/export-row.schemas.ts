import { z } from 'zod';
import { boundedInteger, displayName, emailAddress, hostname, phoneNumber, timeZone } from '../../validation/fields.ts';
import { scopeField } from '../api-keys/api-key.schemas.ts';
import { FEATURES, PLAN_CODES } from '../plans/catalog.ts';
import { limitOverrides } from '../plans/plan.schemas.ts';
import { ROLES } from '../roles/roles.ts';
import { securityPolicyDocument, tenantSettingsDocument } from '../settings/settings.schemas.ts';
import { ISOLATION_MODES, TENANT_NAME_MAX_LENGTH, TENANT_STATUSES, slugSchema } from '../tenants/tenant.schemas.ts';

/*
 * The rows an import writes, checked field by field with the schemas provisioning, `tenant set`,
 * `tenant policy`, `tenant plan` and the other commands use, so an export holds nothing a command
 * would refuse. Columns not named here (timestamps, counters) are converted by PostgreSQL to their
 * column types on insert, which refuses a wrong type.
 */

const uuid = z.uuid('must be a uuid');
const timestamp = z.iso.datetime({ offset: true, message: 'must be a timestamp' });
const role = z.enum(ROLES, { error: `must be one of: ${ROLES.join(', ')}` });

export const exportHeaderTenant = z.looseObject({
  id: uuid,
  slug: slugSchema,
  name: displayName(TENANT_NAME_MAX_LENGTH),
  isolation: z.enum(ISOLATION_MODES, { error: `must be one of: ${ISOLATION_MODES.join(', ')}` }),
  schemaName: z.string().nullable(),
  status: z.enum(TENANT_STATUSES),
});

const tenantRow = z.looseObject({
  id: uuid,
  slug: slugSchema,
  name: displayName(TENANT_NAME_MAX_LENGTH),
  status: z.enum(TENANT_STATUSES, { error: `must be one of: ${TENANT_STATUSES.join(', ')}` }),
  plan: z.enum(PLAN_CODES, { error: `must be one of: ${PLAN_CODES.join(', ')}` }),
  limits: limitOverrides.required(),
  features: z.strictObject(Object.fromEntries(FEATURES.map((feature) => [feature, z.boolean('must be true or false')]))),
  settings: tenantSettingsDocument,
  time_zone: timeZone,
  contact_email: emailAddress.nullable(),
  support_email: emailAddress.nullable(),
  support_phone: phoneNumber.nullable(),
  security_policy: securityPolicyDocument,
  isolation: z.enum(ISOLATION_MODES, { error: `must be one of: ${ISOLATION_MODES.join(', ')}` }),
  schema_name: z.string().nullable(),
  trial_ends_at: timestamp.nullable(),
  paid_until: timestamp.nullable(),
  created_at: timestamp,
});

const userRow = z.looseObject({
  id: uuid,
  email: emailAddress,
  name: displayName(200).nullable(),
  password_hash: z
    .string()
    .regex(/^scrypt\$[0-9]+\$[0-9]+\$[0-9]+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/, 'must be a scrypt hash')
    .nullable(),
  must_change_password: z.boolean('must be true or false'),
});

const membershipRow = z.looseObject({ id: uuid, tenant_id: uuid, user_id: uuid });
const roleAssignmentRow = z.looseObject({ id: uuid, membership_id: uuid, role });
const domainRow = z.looseObject({
  id: uuid,
  tenant_id: uuid,
  hostname,
  kind: z.enum(['subdomain', 'custom']),
  is_primary: z.boolean('must be true or false'),
  verification_token: z.string().nullable(),
  verified_at: timestamp.nullable(),
});
const invitationRow = z.looseObject({
  id: uuid,
  tenant_id: uuid,
  email: emailAddress,
  role: role.nullable(),
  token_hash: z.string().min(1),
  state: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  send_count: boundedInteger(0, 1_000_000),
});
const apiKeyRow = z.looseObject({
  id: uuid,
  tenant_id: uuid,
  name: displayName(100),
  prefix: z.string().regex(/^[a-z0-9]{8}$/, 'must be an 8-character key prefix'),
  key_hash: z.string().min(1),
  scopes: z.array(scopeField).min(1).max(50),
});

/** Every other exported table still needs an id (each has a uuid primary key). */
const anyRow = z.looseObject({ id: uuid });

export const CONTROL_ROW_SCHEMAS: Record<string, z.ZodType<Record<string, unknown>>> = {
  tenants: tenantRow,
  users: userRow,
  memberships: membershipRow,
  role_assignments: roleAssignmentRow,
  domains: domainRow,
  invitations: invitationRow,
  api_keys: apiKeyRow,
};

export function controlRowSchema(table: string): z.ZodType<Record<string, unknown>> {
  return CONTROL_ROW_SCHEMAS[table] ?? anyRow;
}
