import type { ServiceContext } from '../../context.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { auditSides, describeChange, diffValues, type ChangeOutcome } from '../changes/change.ts';
import type { ChangeOptions } from '../changes/inputs.ts';
import { inTenantScope } from '../permissions/tenant-scope.ts';
import type { SecurityPolicy } from '../tenants/security-policy.ts';
import { updatePolicyInput, updateSettingsInput, type UpdatePolicyInput, type UpdateSettingsInput } from './settings.schemas.ts';

/**
 * Changes a tenant's settings: time zone, contact and support addresses, theme, notifications. Fields
 * left out stay; null clears an optional one. Shown as a diff; nothing to change is `unchanged`.
 */
export async function updateSettings(ctx: ServiceContext, input: UpdateSettingsInput, options: ChangeOptions = {}): Promise<ChangeOutcome> {
  const request = parseInput(updateSettingsInput, input);
  return inTenantScope(ctx, request.slug, 'tenant.settings', async ({ tx, tenant }) => {
    const settings = { ...tenant.settings };
    if (request.theme !== undefined) settings.theme = request.theme;
    if (request.notifications !== undefined) {
      const current = (settings.notifications ?? {}) as Record<string, unknown>;
      settings.notifications = { ...current, ...request.notifications };
    }
    const before = { timeZone: tenant.timeZone, contactEmail: tenant.contactEmail ?? null, supportEmail: tenant.supportEmail ?? null, supportPhone: tenant.supportPhone ?? null, settings: tenant.settings };
    const after = {
      timeZone: request.timeZone ?? before.timeZone,
      contactEmail: request.contactEmail !== undefined ? request.contactEmail : before.contactEmail,
      supportEmail: request.supportEmail !== undefined ? request.supportEmail : before.supportEmail,
      supportPhone: request.supportPhone !== undefined ? request.supportPhone : before.supportPhone,
      settings,
    };
    const changes = diffValues(before, after);
    if (changes.length === 0) return { result: 'unchanged', steps: [], changes };
    const steps = [{ action: 'update-settings', description: `Change the settings of ${tenant.slug}: ${changes.map(describeChange).join('; ')}` }];
    if (options.dryRun) return { result: 'planned', steps, changes };
    tenant.timeZone = after.timeZone;
    tenant.contactEmail = after.contactEmail;
    tenant.supportEmail = after.supportEmail;
    tenant.supportPhone = after.supportPhone;
    tenant.settings = settings;
    recordAudit(ctx, tx, { action: 'tenant.settings_changed', tenant: { id: tenant.id, slug: tenant.slug }, targetType: 'tenant', targetId: tenant.id, ...auditSides(changes) });
    await tx.flush();
    return { result: 'applied', steps, changes };
  });
}

/** Changes the security policy: 2FA, session timeout, password rules, allowed IP ranges (validated CIDRs). */
export async function updateSecurityPolicy(ctx: ServiceContext, input: UpdatePolicyInput, options: ChangeOptions = {}): Promise<ChangeOutcome & { policy: SecurityPolicy }> {
  const request = parseInput(updatePolicyInput, input);
  return inTenantScope(ctx, request.slug, 'tenant.policy', async ({ tx, tenant }) => {
    const current = tenant.securityPolicy;
    const policy: SecurityPolicy = {
      require2fa: request.require2fa ?? current.require2fa,
      sessionTimeoutMinutes: request.sessionTimeoutMinutes ?? current.sessionTimeoutMinutes,
      password: { ...current.password, ...request.password },
      allowedIpRanges: request.allowedIpRanges ? [...new Set(request.allowedIpRanges)] : current.allowedIpRanges,
    };
    const changes = diffValues({ securityPolicy: current }, { securityPolicy: policy });
    if (changes.length === 0) return { result: 'unchanged', steps: [], changes, policy: current };
    const steps = [{ action: 'update-security-policy', description: `Change the security policy of ${tenant.slug}: ${changes.map(describeChange).join('; ')}` }];
    if (options.dryRun) return { result: 'planned', steps, changes, policy };
    tenant.securityPolicy = policy;
    recordAudit(ctx, tx, { action: 'tenant.policy_changed', tenant: { id: tenant.id, slug: tenant.slug }, targetType: 'tenant', targetId: tenant.id, ...auditSides(changes) });
    await tx.flush();
    return { result: 'applied', steps, changes, policy };
  });
}
