import { auditChainBroken } from './checks/audit-chain-broken.ts';
import { deletionGraceOver } from './checks/deletion-grace-over.ts';
import { expiredApiKeys } from './checks/expired-api-keys.ts';
import { expiredInvitations } from './checks/expired-invitations.ts';
import { migrationDrift, migrationsBehind } from './checks/migrations-behind.ts';
import { migrationObjectsMissing } from './checks/migration-objects.ts';
import { noOwner } from './checks/no-owner.ts';
import { sharedPolicyMissing, sharedRlsDisabled, sharedRlsNotForced } from './checks/shared-rls.ts';
import { noPrimaryDomain } from './checks/no-primary-domain.ts';
import { orphanSchema } from './checks/orphan-schema.ts';
import { schemaGuardrail } from './checks/schema-guardrail.ts';
import { schemaMissing } from './checks/schema-missing.ts';
import { stuckProvisioning } from './checks/stuck-provisioning.ts';
import { trialEnded } from './checks/trial-ended.ts';
import { undeliveredInvitations } from './checks/undelivered-invitations.ts';
import { usageNearLimit, usageOverLimit } from './checks/usage.ts';
import { webhookDisabled } from './checks/webhook-disabled.ts';
import type { Check } from './types.ts';

/** Every health check, in the order the doctor reports them. Codes are stable: never rename one. */
export const HEALTH_CHECKS: readonly Check[] = [
  stuckProvisioning,
  schemaMissing,
  orphanSchema,
  migrationsBehind,
  migrationDrift,
  migrationObjectsMissing,
  sharedRlsDisabled,
  sharedRlsNotForced,
  sharedPolicyMissing,
  noOwner,
  noPrimaryDomain,
  usageOverLimit,
  usageNearLimit,
  trialEnded,
  deletionGraceOver,
  expiredInvitations,
  undeliveredInvitations,
  expiredApiKeys,
  schemaGuardrail,
  auditChainBroken,
  webhookDisabled,
];
