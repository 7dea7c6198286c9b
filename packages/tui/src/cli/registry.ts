import type { CommandSpec } from './command.ts';
import { auditList } from './commands/audit/list.ts';
import { auditVerify } from './commands/audit/verify.ts';
import { eventsDeliver } from './commands/events/deliver.ts';
import { eventsList } from './commands/events/list.ts';
import { completion } from './commands/completion/completion.ts';
import { completionSlugs } from './commands/completion/slugs.ts';
import { configGet } from './commands/config/get.ts';
import { configList } from './commands/config/list.ts';
import { configSet } from './commands/config/set.ts';
import { consoleCommand } from './commands/console.ts';
import { serveCommand } from './commands/serve.ts';
import { domainAdd } from './commands/domain/add.ts';
import { domainList } from './commands/domain/list.ts';
import { domainPrimary } from './commands/domain/primary.ts';
import { domainRemove } from './commands/domain/remove.ts';
import { domainVerify } from './commands/domain/verify.ts';
import { inviteAccept } from './commands/invite/accept.ts';
import { inviteList } from './commands/invite/list.ts';
import { inviteResend } from './commands/invite/resend.ts';
import { inviteRevoke } from './commands/invite/revoke.ts';
import { inviteSend } from './commands/invite/send.ts';
import { keyCreate } from './commands/key/create.ts';
import { keyList } from './commands/key/list.ts';
import { keyRevoke } from './commands/key/revoke.ts';
import { keyRotate } from './commands/key/rotate.ts';
import { keyVerify } from './commands/key/verify.ts';
import { memberList } from './commands/member/list.ts';
import { memberRemove } from './commands/member/remove.ts';
import { roleGrant } from './commands/role/grant.ts';
import { roleList } from './commands/role/list.ts';
import { roleRevoke } from './commands/role/revoke.ts';
import { dbInit } from './commands/db/init.ts';
import { dbMigrate } from './commands/db/migrate.ts';
import { dbStatus } from './commands/db/status.ts';
import { migrateApply } from './commands/migrate/apply.ts';
import { migrateStatus } from './commands/migrate/status.ts';
import { doctor } from './commands/health/doctor.ts';
import { preflight } from './commands/health/preflight.ts';
import { repair } from './commands/health/repair.ts';
import { storeStatusCommand } from './commands/store/status.ts';
import { storeStopCommand } from './commands/store/stop.ts';
import { slugCheck } from './commands/slug/check.ts';
import { slugSuggest } from './commands/slug/suggest.ts';
import { tenantCreate } from './commands/tenant/create.ts';
import { tenantCreateBulk } from './commands/tenant/create-bulk.ts';
import { tenantExport } from './commands/tenant/export.ts';
import { tenantImport } from './commands/tenant/import.ts';
import { tenantDelete } from './commands/tenant/delete.ts';
import { tenantFeature } from './commands/tenant/feature.ts';
import { tenantPurge } from './commands/tenant/purge.ts';
import { tenantRestore } from './commands/tenant/restore.ts';
import { tenantResume } from './commands/tenant/resume.ts';
import { tenantSuspend } from './commands/tenant/suspend.ts';
import { tenantTrial } from './commands/tenant/trial.ts';
import { tenantBilling } from './commands/tenant/billing.ts';
import { tenantMonitor } from './commands/tenant/monitor.ts';
import { tenantSeedDemo } from './commands/tenant/seed-demo.ts';
import { tenantList } from './commands/tenant/list.ts';
import { tenantPlan } from './commands/tenant/plan.ts';
import { tenantPolicy } from './commands/tenant/policy.ts';
import { tenantSet } from './commands/tenant/set.ts';
import { tenantView } from './commands/tenant/view.ts';
import { tokenCreate } from './commands/token/create.ts';
import { tokenList } from './commands/token/list.ts';
import { tokenRevoke } from './commands/token/revoke.ts';
import { webhookAdd } from './commands/webhook/add.ts';
import { webhookDeliveries } from './commands/webhook/deliveries.ts';
import { webhookEnable } from './commands/webhook/enable.ts';
import { webhookList } from './commands/webhook/list.ts';
import { webhookRemove } from './commands/webhook/remove.ts';
import { webhookReplay } from './commands/webhook/replay.ts';
import { webhookTest } from './commands/webhook/test.ts';
import { userResetPassword } from './commands/user/reset-password.ts';
import { userResetTwoFactor } from './commands/user/reset-2fa.ts';
import { userUnlock } from './commands/user/unlock.ts';
import { userView } from './commands/user/view.ts';

/** Every command, in the order help and docs list them. */
export const COMMANDS: readonly CommandSpec[] = [
  tenantCreate,
  tenantCreateBulk,
  tenantList,
  tenantView,
  tenantPlan,
  tenantFeature,
  tenantSet,
  tenantPolicy,
  tenantSuspend,
  tenantResume,
  tenantTrial,
  tenantBilling,
  tenantMonitor,
  tenantDelete,
  tenantRestore,
  tenantPurge,
  tenantExport,
  tenantImport,
  tenantSeedDemo,
  slugCheck,
  slugSuggest,
  dbStatus,
  dbInit,
  dbMigrate,
  storeStatusCommand,
  storeStopCommand,
  migrateStatus,
  migrateApply,
  preflight,
  doctor,
  repair,
  inviteSend,
  inviteList,
  inviteResend,
  inviteRevoke,
  inviteAccept,
  memberList,
  memberRemove,
  roleGrant,
  roleRevoke,
  roleList,
  userView,
  userResetPassword,
  userUnlock,
  userResetTwoFactor,
  keyCreate,
  keyList,
  keyRotate,
  keyRevoke,
  keyVerify,
  tokenCreate,
  tokenList,
  tokenRevoke,
  domainAdd,
  domainList,
  domainPrimary,
  domainVerify,
  domainRemove,
  auditList,
  eventsList,
  eventsDeliver,
  webhookAdd,
  webhookList,
  webhookRemove,
  webhookEnable,
  webhookTest,
  webhookDeliveries,
  webhookReplay,
  configList,
  configGet,
  configSet,
  completion,
  completionSlugs,
  auditVerify,
  consoleCommand,
  serveCommand,
];
