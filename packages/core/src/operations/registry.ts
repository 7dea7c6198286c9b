import { createApiKey } from '../modules/api-keys/create-api-key.operation.ts';
import { revokeApiKey } from '../modules/api-keys/revoke-api-key.operation.ts';
import { rotateApiKey } from '../modules/api-keys/rotate-api-key.operation.ts';
import { addDomain } from '../modules/domains/add-domain.operation.ts';
import { removeDomain } from '../modules/domains/remove-domain.operation.ts';
import { setPrimaryDomain } from '../modules/domains/set-primary-domain.operation.ts';
import { verifyDomain } from '../modules/domains/verify-domain.operation.ts';
import { acceptInvitation } from '../modules/invitations/accept-invitation.operation.ts';
import { resendInvitation } from '../modules/invitations/resend-invitation.operation.ts';
import { revokeInvitation } from '../modules/invitations/revoke-invitation.operation.ts';
import { sendInvitation } from '../modules/invitations/send-invitation.operation.ts';
import { deleteTenant } from '../modules/lifecycle/delete-tenant.operation.ts';
import { endTrial } from '../modules/lifecycle/end-trial.operation.ts';
import { extendTrial } from '../modules/lifecycle/extend-trial.operation.ts';
import { setBilling } from '../modules/lifecycle/set-billing.operation.ts';
import { purgeTenant } from '../modules/lifecycle/purge-tenant.operation.ts';
import { restoreTenant } from '../modules/lifecycle/restore-tenant.operation.ts';
import { resumeTenant } from '../modules/lifecycle/resume-tenant.operation.ts';
import { suspendTenant } from '../modules/lifecycle/suspend-tenant.operation.ts';
import { changePlan } from '../modules/plans/change-plan.operation.ts';
import { setFeature } from '../modules/plans/set-feature.operation.ts';
import { updateSecurityPolicy } from '../modules/settings/update-policy.operation.ts';
import { updateSettings } from '../modules/settings/update-settings.operation.ts';
import { setMonitoring } from '../modules/settings/set-monitoring.operation.ts';
import { seedDemo } from '../modules/data-spaces/seed-demo.operation.ts';
import { removeMember } from '../modules/memberships/remove-member.operation.ts';
import { grantRole } from '../modules/roles/grant-role.operation.ts';
import { revokeRole } from '../modules/roles/revoke-role.operation.ts';
import { notifyHealth } from '../health/notify.operation.ts';
import { repairFinding } from '../health/repair.operation.ts';
import { exportTenantOperation } from '../modules/transfer/export-tenant.operation.ts';
import { importTenantOperation } from '../modules/transfer/import-tenant.operation.ts';
import { restoreTables } from '../modules/transfer/restore-tables.operation.ts';
import { resetPassword } from '../modules/users/reset-password.operation.ts';
import { changePassword } from '../modules/users/change-password.operation.ts';
import { confirmTotp } from '../modules/users/confirm-totp.operation.ts';
import { enrollTotp } from '../modules/users/enroll-totp.operation.ts';
import { resetTotp } from '../modules/users/reset-totp.operation.ts';
import { unlockUser } from '../modules/users/unlock-user.operation.ts';
import { createServiceToken } from '../modules/service-tokens/create-service-token.operation.ts';
import { revokeServiceToken } from '../modules/service-tokens/revoke-service-token.operation.ts';
import { applyTenantMigrationsOperation } from '../modules/migrations/apply-tenant-migrations.ts';
import { migrateDatabase } from '../modules/migrations/migrate-database.operation.ts';
import { provisionTenantOperation } from '../modules/tenants/provision-tenant.operation.ts';
import { addWebhook } from '../modules/webhooks/add-webhook.operation.ts';
import { enableWebhook } from '../modules/webhooks/enable-webhook.operation.ts';
import { removeWebhook } from '../modules/webhooks/remove-webhook.operation.ts';
import { replayEvent } from '../modules/webhooks/replay-event.operation.ts';
import type { Operation } from './operation.ts';

/** Every operation run through the executor, by id: the one list the faces, docs and tests walk. */
export const OPERATION_REGISTRY = {
  [suspendTenant.id]: suspendTenant,
  [resumeTenant.id]: resumeTenant,
  [extendTrial.id]: extendTrial,
  [endTrial.id]: endTrial,
  [setBilling.id]: setBilling,
  [deleteTenant.id]: deleteTenant,
  [restoreTenant.id]: restoreTenant,
  [purgeTenant.id]: purgeTenant,
  [changePlan.id]: changePlan,
  [setFeature.id]: setFeature,
  [updateSettings.id]: updateSettings,
  [updateSecurityPolicy.id]: updateSecurityPolicy,
  [setMonitoring.id]: setMonitoring,
  [seedDemo.id]: seedDemo,
  [removeMember.id]: removeMember,
  [grantRole.id]: grantRole,
  [revokeRole.id]: revokeRole,
  [createApiKey.id]: createApiKey,
  [rotateApiKey.id]: rotateApiKey,
  [revokeApiKey.id]: revokeApiKey,
  [sendInvitation.id]: sendInvitation,
  [resendInvitation.id]: resendInvitation,
  [revokeInvitation.id]: revokeInvitation,
  [acceptInvitation.id]: acceptInvitation,
  [addDomain.id]: addDomain,
  [verifyDomain.id]: verifyDomain,
  [setPrimaryDomain.id]: setPrimaryDomain,
  [removeDomain.id]: removeDomain,
  [resetPassword.id]: resetPassword,
  [changePassword.id]: changePassword,
  [enrollTotp.id]: enrollTotp,
  [confirmTotp.id]: confirmTotp,
  [resetTotp.id]: resetTotp,
  [unlockUser.id]: unlockUser,
  [createServiceToken.id]: createServiceToken,
  [revokeServiceToken.id]: revokeServiceToken,
  [addWebhook.id]: addWebhook,
  [removeWebhook.id]: removeWebhook,
  [enableWebhook.id]: enableWebhook,
  [replayEvent.id]: replayEvent,
  [notifyHealth.id]: notifyHealth,
  [repairFinding.id]: repairFinding,
  [exportTenantOperation.id]: exportTenantOperation,
  [importTenantOperation.id]: importTenantOperation,
  [restoreTables.id]: restoreTables,
  [provisionTenantOperation.id]: provisionTenantOperation,
  [applyTenantMigrationsOperation.id]: applyTenantMigrationsOperation,
  [migrateDatabase.id]: migrateDatabase,
} as const satisfies Record<string, Pick<Operation, 'id' | 'scope' | 'summary' | 'audit'>>;
