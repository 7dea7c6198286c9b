export { ERROR_CODES, ERROR_KINDS, TenantryError, isTenantryError } from './errors.ts';
export type { ErrorCode, ErrorDetails, ErrorKind, InputIssue } from './errors.ts';

export { embeddedPaths, openDatabase } from './db/database.ts';
export type { Database, DatabaseOptions, DatabaseTarget, MigrationMode } from './db/database.ts';
export { controlPlaneStatus, migrateControlPlane } from './db/control-plane-migrator.ts';
export type { MigrationStatus } from './db/control-plane-migrator.ts';
export { translateDatabaseError, describeServerUrl } from './db/translate-error.ts';
export { uuidv7 } from './db/ids.ts';

export { dropDataSpaceStep, dropTenantDataSpace } from './isolation/data-space.ts';
export type { DataSpaceOwner, DroppedDataSpace } from './isolation/data-space.ts';
export { APP_ROLE, SHARED_SCHEMA, TENANT_SETTING } from './isolation/names.ts';
export { SAMPLE_BLUEPRINT, blueprintOf } from './isolation/sample-blueprint.ts';
export { migrationChecksum as tenantMigrationChecksum, validateBlueprint } from './isolation/blueprint.ts';
export type { Blueprint, DemoData, MigrationBody, MigrationTarget, TenantMigration } from './isolation/blueprint.ts';
export { runInTenant } from './isolation/tenant-session.ts';
export type { TenantSession } from './isolation/tenant-session.ts';
export { getTenantMigrationStatus } from './isolation/migration-status.ts';
export type { BehindTenant, DriftedMigration, TenantMigrationStatus } from './isolation/migration-status.ts';
export { applyTenantMigrations } from './isolation/migration-apply.ts';
export type { MigrationProgress, TenantMigrationRun } from './isolation/migration-apply.ts';
export type { ApplyTenantMigrationsInput } from './isolation/migration-apply.schemas.ts';
export type { UnitError, UnitReport } from './isolation/migration-unit.ts';
export { EXPORT_FORMAT, EXPORT_VERSION, parseExport, serializeExport } from './modules/transfer/export-document.ts';
export type { ExportHeader, ExportRow, TenantExport } from './modules/transfer/export-document.ts';
export { exportTenant } from './modules/transfer/export.service.ts';
export { importTenant } from './modules/transfer/import.service.ts';
export type { ImportOutcome } from './modules/transfer/import.service.ts';
export { provisionBulk } from './modules/bulk/bulk.service.ts';
export type { BulkReport, BulkRowReport, BulkRunOptions } from './modules/bulk/bulk.service.ts';
export type { BulkRowSource } from './modules/bulk/bulk-validate.ts';
export type { InvitationReport as BulkInvitationReport } from './modules/bulk/bulk-invitations.ts';

export type { Actor, ServiceContext, TenantrySettings } from './context.ts';
export type { PlanStep } from './plan.ts';

export { FEATURES, LIMIT_KEYS, PLAN_CATALOG, PLAN_CODES, planFeatureFlags } from './modules/plans/catalog.ts';
export type { Feature, FeatureFlags, LimitKey, Limits, PlanCode, PlanDefinition } from './modules/plans/catalog.ts';
export { ROLES } from './modules/roles/roles.ts';
export type { Role } from './modules/roles/roles.ts';

export {
  ISOLATION_MODES,
  TENANT_STATUSES,
  listTenantsInput,
  provisionTenantInput,
} from './modules/tenants/tenant.schemas.ts';
export type {
  IsolationMode,
  ListTenantsInput,
  ProvisionTenantInput,
  ProvisionTenantRequest,
  TenantStatus,
} from './modules/tenants/tenant.schemas.ts';
export { RESERVED_SLUGS, slugFromName, slugProblem } from './modules/tenants/slug.ts';
export { provisionTenant } from './modules/tenants/provision.service.ts';
export { provisionInputIssues } from './modules/tenants/provision-request.ts';
export type { ProvisionOutcome } from './modules/tenants/provision.service.ts';
export type { ProvisionPlan } from './modules/tenants/provision-plan.ts';
export {
  checkSlug,
  findTenant,
  getTenantDetails,
  listTenants,
  suggestSlugs,
} from './modules/tenants/tenant-queries.service.ts';
export type { SlugCheck, TenantDetails, TenantMember, TenantPage, TenantSummary } from './modules/tenants/tenant-queries.service.ts';
export type { SecurityPolicy } from './modules/tenants/security-policy.ts';
export type { PasswordPolicy } from './modules/users/password-policy.ts';
export { verifyPassword } from './modules/users/password.ts';
export { resetUserPassword, resetPasswordInput } from './modules/users/reset-password.ts';
export type { PasswordResetOutcome, ResetPasswordInput } from './modules/users/reset-password.ts';
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
export { OPERATIONS, PLATFORM_ONLY, ROLE_PERMISSIONS, rolesAllow } from './modules/permissions/permissions.ts';
export type { Operation } from './modules/permissions/permissions.ts';
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
  recordNotified,
  runDoctor,
  runPreflight,
  severityRank,
  unnotifiedFindings,
} from './health/index.ts';
export type {
  Check,
  CheckScope,
  DoctorOptions,
  DoctorReport,
  Finding,
  HealthSettings,
  HealthSettingsInput,
  PlannedRepair,
  PreflightEnvironment,
  PreflightResult,
  RepairOutcome,
  RepairPlan,
  RepairSelection,
  Severity,
} from './health/index.ts';
export { listMembers, memberRefInput, removeMember } from './modules/memberships/members.service.ts';
export type { MemberRefInput, RemoveMemberOutcome } from './modules/memberships/members.service.ts';
export type { MemberView } from './modules/memberships/member-queries.ts';
export { grantRole, listRoleAssignments, revokeRole, roleChangeInput } from './modules/roles/roles.service.ts';
export type { RoleAssignmentView, RoleChangeInput, RoleChangeOutcome } from './modules/roles/roles.service.ts';
export type { ChangeOutcome } from './modules/changes/change.ts';
export { INVITATION_STATES } from './modules/invitations/invitation.entity.ts';
export type { InvitationState } from './modules/invitations/invitation.entity.ts';
export { acceptInvitationInput, listInvitationsInput, resendInvitationInput, revokeInvitationInput, sendInvitationInput } from './modules/invitations/invitation.schemas.ts';
export type { AcceptInvitationInput, ListInvitationsInput, ResendInvitationInput, RevokeInvitationInput, SendInvitationInput } from './modules/invitations/invitation.schemas.ts';
export { resendInvitation, sendInvitation } from './modules/invitations/send-invitation.ts';
export type { InvitationOutcome, SendInvitationOptions } from './modules/invitations/send-invitation.ts';
export { acceptInvitation } from './modules/invitations/accept-invitation.ts';
export type { AcceptOutcome } from './modules/invitations/accept-invitation.ts';
export { listInvitations, revokeInvitation } from './modules/invitations/invitation-queries.ts';
export type { RevokeInvitationOutcome } from './modules/invitations/invitation-queries.ts';
export type { InvitationView } from './modules/invitations/invitation-view.ts';
export { tenantUsage } from './modules/plans/usage.ts';
export type { TenantUsage } from './modules/plans/usage.ts';
export { apiKeyRefInput, createApiKeyInput, rotateApiKeyInput, verifyApiKeyInput } from './modules/api-keys/api-key.schemas.ts';
export type { ApiKeyRefInput, CreateApiKeyInput, RotateApiKeyInput, VerifyApiKeyInput } from './modules/api-keys/api-key.schemas.ts';
export { createApiKey, listApiKeys, revokeApiKey, rotateApiKey } from './modules/api-keys/api-keys.service.ts';
export type { ApiKeyOutcome, RotateOutcome } from './modules/api-keys/api-keys.service.ts';
export { API_KEY_STATUSES } from './modules/api-keys/api-key-view.ts';
export type { ApiKeyStatus, ApiKeyView } from './modules/api-keys/api-key-view.ts';
export { VERIFY_FAILURES, verifyApiKey } from './modules/api-keys/verify-api-key.ts';
export type { VerifyFailure, VerifyOutcome } from './modules/api-keys/verify-api-key.ts';
export { DOMAIN_KINDS } from './modules/domains/domain.entity.ts';
export type { DomainKind } from './modules/domains/domain.entity.ts';
export { addDomainInput, domainRefInput } from './modules/domains/domain.schemas.ts';
export type { AddDomainInput, DomainRefInput } from './modules/domains/domain.schemas.ts';
export { addDomain, listDomains, removeDomain } from './modules/domains/domains.service.ts';
export type { DomainOutcome } from './modules/domains/domains.service.ts';
export { setPrimaryDomain } from './modules/domains/set-primary.ts';
export { verifyDomain } from './modules/domains/verify-domain.ts';
export type { VerifyDomainOptions } from './modules/domains/verify-domain.ts';
export type { DomainView } from './modules/domains/domain-view.ts';
export { changePlanInput, limitOverrides, setFeatureInput } from './modules/plans/plan.schemas.ts';
export type { ChangePlanInput, SetFeatureInput } from './modules/plans/plan.schemas.ts';
export { changePlan, setFeature } from './modules/plans/change-plan.ts';
export type { LimitViolation, PlanChangeOutcome } from './modules/plans/change-plan.ts';
export { updatePolicyInput, updateSettingsInput } from './modules/settings/settings.schemas.ts';
export type { UpdatePolicyInput, UpdateSettingsInput } from './modules/settings/settings.schemas.ts';
export { updateSecurityPolicy, updateSettings } from './modules/settings/update-settings.ts';
export { SETTING_KEYS, parseSettingAssignments } from './modules/settings/assignments.ts';
export { parseCidr } from './modules/settings/cidr.ts';
export { DELETION_GRACE_DAYS, deleteTenantInput, extendTrialInput, purgeTenantInput, restoreTenantInput, resumeTenantInput, suspendTenantInput } from './modules/lifecycle/lifecycle.schemas.ts';
export type { DeleteTenantInput, ExtendTrialInput, PurgeTenantInput, RestoreTenantInput, ResumeTenantInput, SuspendTenantInput } from './modules/lifecycle/lifecycle.schemas.ts';
export { extendTrial, resumeTenant, suspendTenant } from './modules/lifecycle/suspend-resume.ts';
export { deleteTenant, restoreTenant } from './modules/lifecycle/delete-restore.ts';
export type { DeletionOutcome } from './modules/lifecycle/delete-restore.ts';
export { purgeTenant } from './modules/lifecycle/purge.ts';
export type { PurgeCounts, PurgeOutcome } from './modules/lifecycle/purge.ts';
export { describeDataSpace } from './isolation/data-space-view.ts';
export type { DataSpaceView } from './isolation/data-space-view.ts';
