import { TenantryError, type FindingDto, type ProvisionResultDto, type TenantryClient } from '@tenantry/sdk';
import type { EffectRequest } from '../state/types.ts';
import { wizardInput } from '../state/wizard.ts';
import type { ActionRunner, AppliedView } from './action-runner.ts';
import type { ConsoleActionId } from './action-ids.ts';
import { addDomain, createKey, makePrimary, removeDomain, revokeKey, rotateKey, verifyDomain } from './domain-key-runners.ts';
import { bulkProvision, importTenant, migrateDatabase, migrateTenants, notify } from './fleet-runners.ts';
import { exportTenant, purge, restore, restoreTables, setBilling, trial } from './lifecycle-runners.ts';
import {
  acceptInvitation,
  grantRole,
  invite,
  removeMember,
  resendInvitation,
  resetPassword,
  resetTotp,
  revokeInvitation,
  revokeRole,
  unlockUser,
} from './member-runners.ts';
import { addWebhook, createToken, enableWebhook, removeWebhook, replayEvent, revokeToken } from './platform-runners.ts';
import { setFeature, setMonitoring, updatePolicy, updateSettings } from './settings-runners.ts';
import { changePlan, deleteTenant, resume, seedDemo, suspend } from './tenant-runners.ts';

export type { ActionRunner, AppliedView, PlanView, RunnerContext } from './action-runner.ts';

const provision: ActionRunner = {
  async plan({ client, wizard }) {
    const plan = await client.tenants.provision(wizardInput(wizard) as Parameters<TenantryClient['tenants']['provision']>[0], { dryRun: true });
    if (plan.result === 'unchanged')
      return {
        title: `${plan.tenant.slug} already exists as requested`,
        steps: [{ description: 'Nothing to do: the identical tenant exists.' }],
        confirmName: null,
      };
    return { title: `Provision ${plan.tenant.name} (${plan.tenant.slug})`, steps: plan.steps, confirmName: null, fingerprint: plan.fingerprint };
  },
  async apply({ client, wizard, request }) {
    const result = await client.tenants.provision(
      wizardInput(wizard) as Parameters<TenantryClient['tenants']['provision']>[0],
      request.fingerprint ? { expectFingerprint: request.fingerprint } : {},
    );
    return provisionApplied(result);
  },
};

function provisionApplied(result: ProvisionResultDto): AppliedView {
  const primary = result.domains.find((domain) => domain.isPrimary);
  const lines = [
    `Organization: ${result.tenant.name} (${result.tenant.slug})`,
    `Login:        ${primary ? `https://${primary.hostname}/login` : '(no domain yet)'}`,
    `Username:     ${result.owner.email}`,
  ];
  const secret = result.owner.oneTimePassword ? { label: 'One-time password', value: result.owner.oneTimePassword } : undefined;
  const verb = result.result === 'unchanged' ? 'Already provisioned' : 'Provisioned';
  return { message: `${verb} ${result.tenant.slug}`, lines, ...(secret ? { secret } : {}), openSlug: result.tenant.slug };
}

function selectedFinding(request: EffectRequest): FindingDto {
  const finding = request.target.selection?.facts?.finding as FindingDto | undefined;
  if (!finding) throw new TenantryError('PRECONDITION_FAILED', { message: 'No finding is selected.' });
  return finding;
}

/** Repairs the selected doctor finding: its plan (steps and SQL), then the repair and the re-check. */
const repair: ActionRunner = {
  async plan({ client, request }) {
    const finding = selectedFinding(request);
    if (!finding.repairable) throw new TenantryError('PRECONDITION_FAILED', { message: `${finding.code} has no automatic repair.`, hint: finding.remediation });
    const planned = (await client.health.plan({ code: finding.code, ...(finding.tenant ? { slug: finding.tenant.slug } : {}) })).find(
      (item) => item.finding.fingerprint === finding.fingerprint,
    );
    if (!planned)
      throw new TenantryError('PRECONDITION_FAILED', { message: `${finding.code} is no longer reported: nothing to repair.`, hint: 'Refresh with R.' });
    return {
      title: `Repair ${finding.code}${finding.tenant ? ` (${finding.tenant.slug})` : ''}`,
      steps: planned.steps,
      confirmName: planned.destructive ? planned.confirmText : null,
      fingerprint: planned.fingerprint,
    };
  },
  async apply({ client, request }) {
    const finding = selectedFinding(request);
    const outcome = await client.health.repair(finding, {
      ...(request.values.confirm ? { confirm: request.values.confirm } : {}),
      ...(request.fingerprint ? { expectFingerprint: request.fingerprint } : {}),
    });
    const recheck = outcome.remaining ? `✗ the re-check still reports: ${outcome.remaining.message}` : `✓ re-check: ${finding.code} is gone`;
    return { message: `Repaired ${finding.code}`, lines: [recheck] };
  },
};

/** The operations the console can run, by id. */
export const RUNNERS: Record<ConsoleActionId, ActionRunner> = {
  provision,
  bulkProvision,
  importTenant,
  exportTenant,
  restoreTables,
  suspend,
  resume,
  deleteTenant,
  restore,
  purge,
  trial,
  setBilling,
  setMonitoring,
  seedDemo,
  changePlan,
  setFeature,
  updateSettings,
  updatePolicy,
  invite,
  resendInvitation,
  revokeInvitation,
  acceptInvitation,
  grantRole,
  revokeRole,
  removeMember,
  resetPassword,
  unlockUser,
  resetTotp,
  addDomain,
  verifyDomain,
  makePrimary,
  removeDomain,
  createKey,
  rotateKey,
  revokeKey,
  replayEvent,
  addWebhook,
  enableWebhook,
  removeWebhook,
  createToken,
  revokeToken,
  migrateTenants,
  migrateDatabase,
  repair,
  notify,
};
