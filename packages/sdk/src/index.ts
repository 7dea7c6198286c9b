export { createTenantry, TenantryClient } from './client.ts';
export { stopStore, storeStatus } from './store.ts';
export type { StoreOptions, StoreStatus } from './store.ts';
export type { TenantRef } from './with-tenant.ts';
export type { BulkProvisionOptions, BulkReportDto, BulkRowReportDto, BulkSource } from './resources/bulk.ts';
export type { BulkFormat } from './bulk/parse-bulk-file.ts';
export type { ExportKeyOption, ImportSource, TenantExportResultDto, TenantImportResultDto, TablesRestoredDto } from './resources/tenant-transfer.ts';
export type { ApplyMigrationsOptions, MigrationProgressDto, Migrations } from './resources/migrations.ts';
export type { DriftedMigrationDto, MigrationUnitDto, TenantMigrationRunDto, TenantMigrationStatusDto } from './dto/migrations.ts';
export { healthCatalog } from './resources/health.ts';
export type { CheckOptions, Health } from './resources/health.ts';
export type { DataSpaceDto, DemoSeedResultDto, SeededTableDto } from './dto/data-space.ts';
export type { DoctorReportDto, FindingDto, NotifyResultDto, PlannedRepairDto, PreflightResultDto, RepairOutcomeDto } from './dto/health.ts';
export { defaultHome, resolveOptions } from './options.ts';
export type { TenantryOptions } from './options.ts';
export type { Tenants } from './resources/tenants.ts';
export type { OperationOptions } from './operation-options.ts';
export type { DatabaseResource, MigrationStatusDto } from './resources/database.ts';
export type { Audit } from './resources/audit.ts';
export { eventCatalog } from './resources/events.ts';
export type { Events } from './resources/events.ts';
export type { MemberChangeDto, Members } from './resources/members.ts';
export type { Roles } from './resources/roles.ts';
export type { PasswordResetDto, Users } from './resources/users.ts';
export type { Invitations } from './resources/invitations.ts';
export type { ApiKeys } from './resources/api-keys.ts';
export type { Tokens } from './resources/tokens.ts';
export type { Webhooks } from './resources/webhooks.ts';
export type { DeliverCallOptions, DeliveryWorker, DeliveryWorkerOptions } from './resources/delivery-worker.ts';
export type { Domains } from './resources/domains.ts';
export type { Idempotency } from './resources/idempotency.ts';
export type { CallScope } from './runtime.ts';
export { describeOperation, operationIds } from './operation-catalog.ts';
export { readInputFile } from './files.ts';
export type { OperationDescription } from './operation-catalog.ts';
export type { PlanChangeDto, Plans } from './resources/plans.ts';
export type { PolicyChangeDto } from './resources/tenant-changes.ts';
export type { BillingResultDto, DeletionResultDto, PurgeResultDto, TrialResultDto } from './resources/tenant-lifecycle.ts';
export type { DomainDto, DomainResultDto } from './dto/domains.ts';
export type { ApiKeyDto, ApiKeyResultDto, RotatedApiKeyDto, VerifyResultDto } from './dto/api-keys.ts';
export type { SignInDto, SignInStateDto, TotpEnrollmentDto, UserChangeDto, UserDto } from './dto/users.ts';
export type { ServiceTokenDto, ServiceTokenResultDto, ServiceTokenVerifyResultDto } from './dto/service-tokens.ts';
export type { AttemptReportDto, DeliveryDto, DeliveryRunDto, ReplayResultDto, WebhookDto, WebhookResultDto, WebhookTestDto } from './dto/webhooks.ts';
export type { AcceptedInvitationDto, InvitationDto, InvitationResultDto, RevokedInvitationDto } from './dto/invitations.ts';
export type { ChangeDto, FieldChangeDto } from './dto/change.ts';
export type { MemberDto, RoleAssignmentDto } from './dto/members.ts';
export type { AuditEventDto } from './dto/audit.ts';
export type { EventDto, EventPageDto } from './dto/events.ts';
export { createLogFileMailer } from './mail/log-file-mailer.ts';
export { createSmtpMailer, describeSmtpUrl } from './mail/smtp-mailer.ts';
export type { SmtpMailerOptions } from './mail/smtp-mailer.ts';
export type { PlanStepDto, ProvisionResultDto, TenantDetailsDto, TenantDto, TenantListDto, TenantSummaryDto } from './dto.ts';

export {
  ERROR_CODES,
  EVENT_TYPES,
  SEVERITIES,
  ERROR_KINDS,
  PERMISSIONS,
  PLATFORM_ONLY,
  permissionTable,
  INVITATION_STATES,
  API_KEY_STATUSES,
  SERVICE_TOKEN_STATUSES,
  SERVICE_TOKEN_VERIFY_FAILURES,
  DOMAIN_KINDS,
  SETTING_KEYS,
  CUSTOM_NAME_MAX_LENGTH,
  CUSTOM_NAME_RULE,
  CUSTOM_PREFIX,
  CUSTOM_SETTINGS_MAX,
  CUSTOM_VALUE_MAX_BYTES,
  customNameProblem,
  customSettingName,
  customSettingsOf,
  parseCustomValue,
  DELETION_GRACE_DAYS,
  parseSettingAssignments,
  resolveSettingKey,
  ROLE_PERMISSIONS,
  FEATURES,
  ISOLATION_MODES,
  LIMIT_KEYS,
  PLAN_CATALOG,
  FEATURE_GATES,
  MONITORED,
  plansWith,
  PLAN_CODES,
  RESERVED_SLUGS,
  ROLES,
  TENANT_STATUSES,
  TenantryError,
  SAMPLE_BLUEPRINT,
  isTenantryError,
  provisionInputIssues,
  parseInput,
  listTenantsInput,
  listEventsInput,
  provisionTenantInput,
  addWebhookInput,
  webhookRefInput,
  replayEventInput,
  listDeliveriesInput,
  WEBHOOK_KINDS,
  DELIVERY_STATUSES,
  RETRY_DELAYS_SECONDS,
  MAX_ATTEMPTS,
  DELIVERY_ATTEMPT_TIMEOUT_MS,
  IDEMPOTENCY_WINDOW_HOURS,
  slugFromName,
  slugProblem,
  SIGN_IN_GUARD,
  signInInput,
  changePasswordInput,
  enrollTotpInput,
  confirmTotpInput,
  userEmailInput,
} from '@tenantry/core';
export type {
  AddWebhookInput,
  AttemptOutcome,
  DeliveryStatus,
  ListDeliveriesInput,
  ReplayEventInput,
  WebhookKind,
  WebhookRefInput,
  WebhookStatus,
  IdempotencyClaim,
  IdempotentCall,
  ActingUser,
  ActorType,
  ApplyTenantMigrationsInput,
  Blueprint,
  DemoData,
  MigrationBody,
  MigrationTarget,
  TenantMigration,
  TenantSession,
  DnsResolver,
  ListAuditInput,
  ListEventsInput,
  EventData,
  EventType,
  AuditChainReport,
  ChainBreak,
  ChainBreakKind,
  Face,
  AcceptInvitationInput,
  DeleteTenantInput,
  DroppedDataSpace,
  EndTrialInput,
  ExtendTrialInput,
  SetBillingInput,
  SetMonitoringInput,
  SeedDemoInput,
  MonitoringThresholds,
  CustomSettings,
  JsonValue,
  SettingTarget,
  PurgeCounts,
  PurgeTenantInput,
  RestoreTenantInput,
  ResumeTenantInput,
  SuspendTenantInput,
  ChangePlanInput,
  SetFeatureInput,
  UpdatePolicyInput,
  UpdateSettingsInput,
  AddDomainInput,
  DomainKind,
  DomainRefInput,
  ApiKeyRefInput,
  ApiKeyStatus,
  CreateApiKeyInput,
  RotateApiKeyInput,
  VerifyApiKeyInput,
  VerifyFailure,
  CreateServiceTokenInput,
  ServiceTokenRefInput,
  ServiceTokenStatus,
  ServiceTokenVerifyFailure,
  VerifyServiceTokenInput,
  DeliveryReport,
  InvitationState,
  ListInvitationsInput,
  ResendInvitationInput,
  RevokeInvitationInput,
  SendInvitationInput,
  MemberRefInput,
  PermissionRow,
  RoleChangeInput,
  MailMessage,
  MailReceipt,
  Mailer,
  Permission,
  Actor,
  DatabaseTarget,
  ErrorCode,
  Severity,
  ErrorKind,
  Feature,
  FeatureFlags,
  InputIssue,
  IsolationMode,
  LimitKey,
  Limits,
  LimitUsage,
  UsageReport,
  ListTenantsInput,
  MigrationMode,
  PlanCode,
  PlanDefinition,
  ProvisionTenantInput,
  ResetPasswordInput,
  TablesRestored,
  TableRestore,
  SignInInput,
  SignInRequirement,
  SignInResult,
  ChangePasswordInput,
  EnrollTotpInput,
  ConfirmTotpInput,
  UserEmailInput,
  TwoFactorState,
  Role,
  SecurityPolicy,
  SlugCheck,
  TenantStatus,
} from '@tenantry/core';
