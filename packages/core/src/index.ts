export { ERROR_CODES, ERROR_KINDS, TenantryError, isTenantryError } from './errors.ts';
export type { ErrorCode, ErrorDetails, ErrorKind, InputIssue } from './errors.ts';

export { DEFAULT_STORE_IDLE_MS, embeddedPaths, openDatabase } from './db/database.ts';
export { ensureStoreServer, stopStoreServer, storeStatus } from './db/store-client.ts';
export type { StoreStatus } from './db/store-client.ts';
export { storePaths } from './db/store-paths.ts';
export type { Database, DatabaseOptions, DatabaseTarget, MigrationMode } from './db/database.ts';
export { defaultDataPathUrl, describeDataPath, openDataPath } from './db/data-path.ts';
export type { DataPath, DataPathMode, DataPathOptions, DataPathRole } from './db/data-path.ts';
export { controlPlaneStatus, migrateControlPlane } from './db/control-plane-migrator.ts';
export { migrateDatabase } from './modules/migrations/migrate-database.operation.ts';
export type { MigrationStatus } from './db/control-plane-migrator.ts';
export { translateDatabaseError, describeServerUrl } from './db/translate-error.ts';
export { uuidv7 } from './db/ids.ts';

export { dropDataSpaceStep, dropTenantDataSpace } from './isolation/data-space.ts';
export type { DataSpaceOwner, DroppedDataSpace } from './isolation/data-space.ts';
export { APP_ROLE, SHARED_SCHEMA, TENANT_SETTING } from './isolation/names.ts';
export { SAMPLE_BLUEPRINT, blueprintOf } from './isolation/sample-blueprint.ts';
export { migrationChecksum as tenantMigrationChecksum, validateBlueprint } from './isolation/blueprint.ts';
export type { Blueprint, DemoData, MigrationBody, MigrationTarget, TenantMigration } from './isolation/blueprint.ts';
export { runInTenant } from './modules/data-spaces/run-in-tenant.ts';
export type { TenantSession } from './isolation/tenant-session.ts';
export { getTenantMigrationStatus } from './modules/migrations/migration-status.service.ts';
export type { BehindTenant, DriftedMigration, TenantMigrationStatus } from './isolation/migration-status.ts';
export {
  applyTenantMigrations,
  applyTenantMigrationsOperation,
  migrationRunOf,
  tenantMigrationsOperation,
} from './modules/migrations/apply-tenant-migrations.ts';
export type { MigrationProgress, TenantMigrationRun } from './isolation/migration-apply.ts';
export type { ApplyTenantMigrationsInput } from './modules/migrations/apply-migrations.schemas.ts';
export type { UnitError, UnitReport } from './isolation/migration-unit.ts';
export { EXPORT_FORMAT, EXPORT_VERSION } from './modules/transfer/export-document.ts';
export { EXPORT_KEY_MIN_LENGTH } from './modules/transfer/export-key.ts';
export type { ExportHeader, ExportRow, TenantExport } from './modules/transfer/export-document.ts';
export { exportTenant, exportTenantText } from './modules/transfer/export.service.ts';
export { exportTenantInput, exportTenantOperation } from './modules/transfer/export-tenant.operation.ts';
export type { ExportSummary, ExportTenantInput } from './modules/transfer/export-tenant.operation.ts';
export { importTenantInput, importTenantOperation } from './modules/transfer/import-tenant.operation.ts';
export type { ImportTenantInput } from './modules/transfer/import-tenant.operation.ts';
export type { ImportSummary } from './modules/transfer/import.service.ts';
export { restoreTables, restoreTablesInput } from './modules/transfer/restore-tables.operation.ts';
export type { RestoreTablesInput, TablesRestored } from './modules/transfer/restore-tables.operation.ts';
export type { TableRestore } from './modules/transfer/restore-tables.ts';
export { provisionBulk } from './modules/bulk/bulk.service.ts';
export type { BulkReport, BulkRowReport, BulkRunOptions } from './modules/bulk/bulk.service.ts';
export type { BulkRowSource } from './modules/bulk/bulk-validate.ts';
export type { InvitationReport as BulkInvitationReport } from './modules/bulk/bulk-invitations.ts';

export type { Actor, ServiceContext, TenantrySettings } from './context.ts';
export type { PlanStep } from './plan.ts';
export { renderStatement } from './statement.ts';
export type { SecretParam, Statement, StatementParam } from './statement.ts';

export { FEATURES, LIMIT_KEYS, MONITORED, PLAN_CATALOG, PLAN_CODES, planFeatureFlags } from './modules/plans/catalog.ts';
export { FEATURE_GATES, plansWith } from './modules/plans/feature-gates.ts';
export type { Feature, FeatureFlags, LimitKey, Limits, Monitored, PlanCode, PlanDefinition } from './modules/plans/catalog.ts';
export { ROLES } from './modules/roles/roles.ts';
export type { Role } from './modules/roles/roles.ts';

export { ISOLATION_MODES, TENANT_STATUSES, listTenantsInput, provisionTenantInput } from './modules/tenants/tenant.schemas.ts';
export type { IsolationMode, ListTenantsInput, ProvisionTenantInput, ProvisionTenantRequest, TenantStatus } from './modules/tenants/tenant.schemas.ts';
export { RESERVED_SLUGS, slugFromName, slugProblem } from './modules/tenants/slug.ts';
export { provisionOutcome, provisionTenant } from './modules/tenants/provision.service.ts';
export { provisionTenantOperation } from './modules/tenants/provision-tenant.operation.ts';
export type { ProvisionedTenant, ProvisionTenantOperationInput } from './modules/tenants/provision-tenant.operation.ts';
export { provisionInputIssues } from './modules/tenants/provision-request.ts';
export type { ProvisionOutcome } from './modules/tenants/provision.service.ts';
export type { ProvisionPlan } from './modules/tenants/provision-plan.ts';
export { checkSlug, findTenant, getTenantDetails, listTenants, suggestSlugs } from './modules/tenants/tenant-queries.service.ts';
export type { LimitUsage, UsageReport } from './modules/plans/usage-report.ts';
export type { SlugCheck, TenantDetails, TenantPage, TenantSummary } from './modules/tenants/tenant-queries.service.ts';
export type { SecurityPolicy } from './modules/tenants/security-policy.ts';
export type { PasswordPolicy } from './modules/users/password-policy.ts';
export { verifyPassword } from './modules/users/password.ts';
export { resetPassword, resetPasswordInput } from './modules/users/reset-password.operation.ts';
export type { PasswordReset, ResetPasswordInput } from './modules/users/reset-password.operation.ts';
export { signIn } from './modules/users/sign-in.ts';
export type { SignInRequirement, SignInResult } from './modules/users/sign-in.ts';
export { SIGN_IN_GUARD } from './modules/users/sign-in-guard.ts';
export { changePasswordInput, confirmTotpInput, enrollTotpInput, signInInput, userEmailInput } from './modules/users/sign-in.schemas.ts';
export type { ChangePasswordInput, ConfirmTotpInput, EnrollTotpInput, SignInInput, UserEmailInput } from './modules/users/sign-in.schemas.ts';
export { changePassword } from './modules/users/change-password.operation.ts';
export { enrollTotp } from './modules/users/enroll-totp.operation.ts';
export type { TotpEnrollment } from './modules/users/enroll-totp.operation.ts';
export { confirmTotp } from './modules/users/confirm-totp.operation.ts';
export { resetTotp } from './modules/users/reset-totp.operation.ts';
export { unlockUser } from './modules/users/unlock-user.operation.ts';
export { viewUser } from './modules/users/user-view.ts';
export type { SignInStateView, TwoFactorState, UserView } from './modules/users/user-view.ts';
export { normalizeHostname } from './validation/fields.ts';

export { Tenant } from './modules/tenants/tenant.entity.ts';
export { User } from './modules/users/user.entity.ts';
export { Membership } from './modules/memberships/membership.entity.ts';
export { RoleAssignment } from './modules/roles/role-assignment.entity.ts';
export { Domain } from './modules/domains/domain.entity.ts';
export { AuditEvent } from './modules/audit/audit-event.entity.ts';

// Access, audit and lifecycle (issue 3).
export type { ActorType } from './modules/audit/audit-event.entity.ts';
export { listAuditEvents, listAuditInput } from './modules/audit/audit-queries.ts';
export type { AuditEventView, ListAuditInput } from './modules/audit/audit-queries.ts';
export { FACES } from './modules/audit/audit-event.entity.ts';
export type { Face } from './modules/audit/audit-event.entity.ts';
export { CHAIN_BREAK_KINDS, verifyAuditChain } from './modules/audit/audit-chain.ts';
export type { AuditChainReport, ChainBreak, ChainBreakKind } from './modules/audit/audit-chain.ts';
export { EVENT_CATALOG, EVENT_TYPES, NO_EVENT, eventTypeOf } from './modules/events/event-catalog.ts';
export type { EventType, EventTypeSpec } from './modules/events/event-catalog.ts';
export { LifecycleEvent } from './modules/events/lifecycle-event.entity.ts';
export type { EventData } from './modules/events/lifecycle-event.entity.ts';
export { listEvents, listEventsInput } from './modules/events/event-queries.ts';
export type { EventPage, EventView, ListEventsInput } from './modules/events/event-queries.ts';
export { PERMISSIONS, PLATFORM_ONLY, ROLE_PERMISSIONS, rolesAllow } from './modules/permissions/permissions.ts';
export type { Permission } from './modules/permissions/permissions.ts';
export { authorizeTenantOperation, permissionTable } from './modules/permissions/access.service.ts';
export type { PermissionRow } from './modules/permissions/access.service.ts';
export { isPlatformActor, requirePlatform } from './modules/permissions/authorize.ts';
export { resolveUserActor } from './modules/permissions/actor.ts';
export type { ActingUser } from './modules/permissions/actor.ts';
export { maskSecrets } from './modules/outbox/mailer.ts';
export type { MailMessage, MailReceipt, Mailer } from './modules/outbox/mailer.ts';
export type { DeliveryReport } from './modules/outbox/outbox.service.ts';
export { systemDnsResolver } from './modules/domains/dns-resolver.ts';
export type { DnsResolver } from './modules/domains/dns-resolver.ts';
export type { ChangeResult, FieldChange } from './modules/changes/change.ts';

export {
  DEFAULT_HEALTH_SETTINGS,
  HEALTH_CHECKS,
  MINIMUM_FREE_BYTES,
  MINIMUM_SERVER_VERSION,
  SEVERITIES,
  applyRepair,
  healthSettings,
  planRepairs,
  repairFinding,
  repairFindingInput,
  notifyHealth,
  notifyHealthInput,
  runDoctor,
  runPreflight,
  severityRank,
} from './health/index.ts';
export type {
  Check,
  CheckScope,
  DoctorOptions,
  DoctorReport,
  Finding,
  GoneFinding,
  HealthSettings,
  HealthSettingsInput,
  Notified,
  NotifyHealthInput,
  NotifyPlan,
  PlannedRepair,
  PreflightEnvironment,
  PreflightResult,
  RepairData,
  RepairFindingInput,
  RepairOptions,
  RepairOutcome,
  RepairPlan,
  RepairSelection,
  Severity,
} from './health/index.ts';
export { listMembers, memberRefInput } from './modules/memberships/members.service.ts';
export type { MemberRefInput } from './modules/memberships/members.service.ts';
export { removeMember } from './modules/memberships/remove-member.operation.ts';
export type { MemberView } from './modules/memberships/member-queries.ts';
export { listRoleAssignments } from './modules/roles/roles.service.ts';
export type { RoleAssignmentView } from './modules/roles/roles.service.ts';
export { roleChangeInput } from './modules/roles/role-change.schemas.ts';
export type { RoleChangeInput } from './modules/roles/role-change.schemas.ts';
export { grantRole } from './modules/roles/grant-role.operation.ts';
export { revokeRole } from './modules/roles/revoke-role.operation.ts';
export type { ChangeOutcome } from './modules/changes/change.ts';
export { INVITATION_STATES } from './modules/invitations/invitation.entity.ts';
export type { InvitationState } from './modules/invitations/invitation.entity.ts';
export {
  acceptInvitationInput,
  listInvitationsInput,
  resendInvitationInput,
  revokeInvitationInput,
  sendInvitationInput,
} from './modules/invitations/invitation.schemas.ts';
export type {
  AcceptInvitationInput,
  ListInvitationsInput,
  ResendInvitationInput,
  RevokeInvitationInput,
  SendInvitationInput,
} from './modules/invitations/invitation.schemas.ts';
export { sendInvitation } from './modules/invitations/send-invitation.operation.ts';
export { resendInvitation } from './modules/invitations/resend-invitation.operation.ts';
export type { IssuedInvitation } from './modules/invitations/issue-invitation.ts';
export { acceptInvitation } from './modules/invitations/accept-invitation.operation.ts';
export type { AcceptOutcome } from './modules/invitations/accept-invitation.operation.ts';
export { listInvitations } from './modules/invitations/invitation-queries.ts';
export { revokeInvitation } from './modules/invitations/revoke-invitation.operation.ts';
export type { InvitationView } from './modules/invitations/invitation-view.ts';
export { tenantUsage } from './modules/plans/usage.ts';
export type { TenantUsage } from './modules/plans/usage.ts';
export { apiKeyRefInput, createApiKeyInput, rotateApiKeyInput, verifyApiKeyInput } from './modules/api-keys/api-key.schemas.ts';
export type { ApiKeyRefInput, CreateApiKeyInput, RotateApiKeyInput, VerifyApiKeyInput } from './modules/api-keys/api-key.schemas.ts';
export { listApiKeys } from './modules/api-keys/list-api-keys.ts';
export { createApiKey } from './modules/api-keys/create-api-key.operation.ts';
export { rotateApiKey } from './modules/api-keys/rotate-api-key.operation.ts';
export { revokeApiKey } from './modules/api-keys/revoke-api-key.operation.ts';
export { API_KEY_STATUSES } from './modules/api-keys/api-key-view.ts';
export type { ApiKeyStatus, ApiKeyView } from './modules/api-keys/api-key-view.ts';
export { VERIFY_FAILURES, verifyApiKey } from './modules/api-keys/verify-api-key.ts';
export type { VerifyFailure, VerifyOutcome } from './modules/api-keys/verify-api-key.ts';
export { createServiceTokenInput, serviceTokenRefInput, verifyServiceTokenInput } from './modules/service-tokens/service-token.schemas.ts';
export type { CreateServiceTokenInput, ServiceTokenRefInput, VerifyServiceTokenInput } from './modules/service-tokens/service-token.schemas.ts';
export { listServiceTokens } from './modules/service-tokens/list-service-tokens.ts';
export { createServiceToken } from './modules/service-tokens/create-service-token.operation.ts';
export { revokeServiceToken } from './modules/service-tokens/revoke-service-token.operation.ts';
export { SERVICE_TOKEN_STATUSES } from './modules/service-tokens/service-token-view.ts';
export type { ServiceTokenStatus, ServiceTokenView } from './modules/service-tokens/service-token-view.ts';
export { SERVICE_TOKEN_VERIFY_FAILURES, verifyServiceToken } from './modules/service-tokens/verify-service-token.ts';
export type { ServiceTokenVerifyFailure, ServiceTokenVerifyOutcome } from './modules/service-tokens/verify-service-token.ts';
export { DOMAIN_KINDS } from './modules/domains/domain.entity.ts';
export type { DomainKind } from './modules/domains/domain.entity.ts';
export { addDomainInput, domainRefInput } from './modules/domains/domain.schemas.ts';
export type { AddDomainInput, DomainRefInput } from './modules/domains/domain.schemas.ts';
export { listDomains } from './modules/domains/domain-queries.ts';
export { addDomain } from './modules/domains/add-domain.operation.ts';
export { verifyDomain } from './modules/domains/verify-domain.operation.ts';
export { setPrimaryDomain } from './modules/domains/set-primary-domain.operation.ts';
export { removeDomain } from './modules/domains/remove-domain.operation.ts';
export type { DomainChange } from './modules/domains/primary-switch.ts';
export type { DomainView } from './modules/domains/domain-view.ts';
export { changePlanInput, limitOverrides, setFeatureInput } from './modules/plans/plan.schemas.ts';
export type { ChangePlanInput, SetFeatureInput } from './modules/plans/plan.schemas.ts';
export { changePlan } from './modules/plans/change-plan.operation.ts';
export type { PlanDirection } from './modules/plans/change-plan.operation.ts';
export { setFeature } from './modules/plans/set-feature.operation.ts';
export type { LimitViolation } from './modules/plans/limit-violations.ts';
export { setMonitoringInput, updatePolicyInput, updateSettingsInput } from './modules/settings/settings.schemas.ts';
export type { MonitoringThresholds, SetMonitoringInput, UpdatePolicyInput, UpdateSettingsInput } from './modules/settings/settings.schemas.ts';
export { updateSettings } from './modules/settings/update-settings.operation.ts';
export { updateSecurityPolicy } from './modules/settings/update-policy.operation.ts';
export { setMonitoring } from './modules/settings/set-monitoring.operation.ts';
export { parseSettingAssignments } from './modules/settings/assignments.ts';
export {
  CUSTOM_NAME_MAX_LENGTH,
  CUSTOM_NAME_RULE,
  CUSTOM_PREFIX,
  CUSTOM_SETTINGS_MAX,
  CUSTOM_VALUE_MAX_BYTES,
  SETTING_KEYS,
  customNameProblem,
  customSettingName,
  resolveSettingKey,
} from './modules/settings/setting-keys.ts';
export type { SettingTarget } from './modules/settings/setting-keys.ts';
export { customSettingsOf, parseCustomValue } from './modules/settings/custom-settings.ts';
export type { CustomSettings, JsonValue } from './modules/settings/custom-settings.ts';
export { parseCidr } from './modules/settings/cidr.ts';
export {
  DELETION_GRACE_DAYS,
  endTrialInput,
  setBillingInput,
  deleteTenantInput,
  extendTrialInput,
  purgeTenantInput,
  restoreTenantInput,
  resumeTenantInput,
  suspendTenantInput,
} from './modules/lifecycle/lifecycle.schemas.ts';
export type {
  DeleteTenantInput,
  EndTrialInput,
  ExtendTrialInput,
  SetBillingInput,
  PurgeTenantInput,
  RestoreTenantInput,
  ResumeTenantInput,
  SuspendTenantInput,
} from './modules/lifecycle/lifecycle.schemas.ts';
export { suspendTenant } from './modules/lifecycle/suspend-tenant.operation.ts';
export { resumeTenant } from './modules/lifecycle/resume-tenant.operation.ts';
export { extendTrial } from './modules/lifecycle/extend-trial.operation.ts';
export { endTrial } from './modules/lifecycle/end-trial.operation.ts';
export { setBilling } from './modules/lifecycle/set-billing.operation.ts';
export { deleteTenant } from './modules/lifecycle/delete-tenant.operation.ts';
export { restoreTenant } from './modules/lifecycle/restore-tenant.operation.ts';
export { purgeTenant } from './modules/lifecycle/purge-tenant.operation.ts';
export type { PurgeCounts } from './modules/lifecycle/purge-tenant.operation.ts';

export { executeOperation } from './operations/execute.ts';
export { defineOperation } from './operations/operation.ts';
export type { Executed, Operation, OperationContext, OperationInput, Planned, RunOptions, TenantOperationContext } from './operations/operation.ts';
export { OPERATION_REGISTRY } from './operations/registry.ts';
export { describeDataSpace } from './modules/data-spaces/describe-data-space.ts';
export type { DataSpaceView } from './modules/data-spaces/describe-data-space.ts';
export { seedDemo } from './modules/data-spaces/seed-demo.operation.ts';
export type { SeededTable } from './modules/data-spaces/seed-demo.operation.ts';
export { seedDemoInput } from './modules/data-spaces/data-space.schemas.ts';
export type { SeedDemoInput } from './modules/data-spaces/data-space.schemas.ts';
export type { TableRows } from './modules/data-spaces/tenant-rows.ts';
export { IDEMPOTENCY_WINDOW_HOURS, claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from './modules/idempotency/idempotency-keys.ts';
export type { IdempotencyClaim, IdempotentCall } from './modules/idempotency/idempotency-keys.ts';
export { parseInput } from './validation/parse-input.ts';
export { addWebhook } from './modules/webhooks/add-webhook.operation.ts';
export type { NewEndpoint } from './modules/webhooks/new-endpoint.ts';
export { removeWebhook } from './modules/webhooks/remove-webhook.operation.ts';
export { enableWebhook } from './modules/webhooks/enable-webhook.operation.ts';
export { replayEvent } from './modules/webhooks/replay-event.operation.ts';
export type { ReplayedEvent } from './modules/webhooks/replay-event.operation.ts';
export { listWebhooks } from './modules/webhooks/webhook-endpoints.ts';
export type { WebhookEndpointView, WebhookStatus } from './modules/webhooks/webhook-endpoints.ts';
export { listDeliveries } from './modules/webhooks/delivery-queries.ts';
export type { DeliveryAttemptView, DeliveryView } from './modules/webhooks/delivery-queries.ts';
export { testWebhook } from './modules/webhooks/test-webhook.ts';
export { deliverDue } from './modules/webhooks/deliver.ts';
export type { AttemptReport, DeliverOptions, DeliveryRun } from './modules/webhooks/deliver.ts';
export { ATTEMPT_TIMEOUT_MS as DELIVERY_ATTEMPT_TIMEOUT_MS } from './modules/webhooks/send-delivery.ts';
export type { AttemptOutcome } from './modules/webhooks/send-delivery.ts';
export { MAX_ATTEMPTS, RETRY_DELAYS_SECONDS } from './modules/webhooks/retry-schedule.ts';
export {
  addWebhookInput,
  DELIVERY_STATUSES,
  listDeliveriesInput,
  replayEventInput,
  WEBHOOK_KINDS,
  webhookRefInput,
} from './modules/webhooks/webhook.schemas.ts';
export type {
  AddWebhookInput,
  DeliveryStatus,
  ListDeliveriesInput,
  ReplayEventInput,
  WebhookKind,
  WebhookRefInput,
} from './modules/webhooks/webhook.schemas.ts';
