import { defineOperation } from '../../operations/operation.ts';
import { describeChange, diffValues } from '../changes/change.ts';
import { updateSettingsInput } from './settings.schemas.ts';

/**
 * Changes a tenant's settings: time zone, contact and support addresses, theme, notifications. Fields
 * left out stay; null clears an optional one. Shown as a diff; nothing to change is `unchanged`.
 */
export const updateSettings = defineOperation({
  id: 'tenant.settings',
  summary: "Changes a tenant's settings (time zone, contacts, theme, notifications) as a diff.",
  scope: 'tenant',
  input: updateSettingsInput,
  audit: ['tenant.settings_changed'],
  async plan({ tenant }, request) {
    const settings = { ...tenant.settings };
    if (request.theme !== undefined) settings.theme = request.theme;
    if (request.notifications !== undefined) {
      const current = (settings.notifications ?? {}) as Record<string, unknown>;
      settings.notifications = { ...current, ...request.notifications };
    }
    const before = {
      timeZone: tenant.timeZone,
      contactEmail: tenant.contactEmail ?? null,
      supportEmail: tenant.supportEmail ?? null,
      supportPhone: tenant.supportPhone ?? null,
      settings: tenant.settings,
    };
    const after = {
      timeZone: request.timeZone ?? before.timeZone,
      contactEmail: request.contactEmail !== undefined ? request.contactEmail : before.contactEmail,
      supportEmail: request.supportEmail !== undefined ? request.supportEmail : before.supportEmail,
      supportPhone: request.supportPhone !== undefined ? request.supportPhone : before.supportPhone,
      settings,
    };
    const changes = diffValues(before, after);
    if (changes.length === 0) return { unchanged: true, steps: [], changes, data: after };
    return {
      steps: [{ action: 'update-settings', description: `Change the settings of ${tenant.slug}: ${changes.map(describeChange).join('; ')}` }],
      changes,
      data: after,
    };
  },
  async apply({ tenant }, { data }) {
    tenant.timeZone = data.timeZone;
    tenant.contactEmail = data.contactEmail;
    tenant.supportEmail = data.supportEmail;
    tenant.supportPhone = data.supportPhone;
    tenant.settings = data.settings;
  },
});
