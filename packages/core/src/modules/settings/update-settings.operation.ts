import { defineOperation } from '../../operations/operation.ts';
import { describeChange, diffValues } from '../changes/change.ts';
import { changedCustomSettings, customChanges, customSettingsOf } from './custom-settings.ts';
import { updateSettingsInput } from './settings.schemas.ts';

/**
 * Changes a tenant's settings: time zone, contact and support addresses, theme, notifications and its
 * custom settings. Fields left out stay; null clears an optional one or unsets a custom one. Shown as a
 * diff, one change per custom setting (its value compared whole); nothing to change is `unchanged`.
 */
export const updateSettings = defineOperation({
  id: 'tenant.settings',
  summary: "Changes a tenant's settings (time zone, contacts, theme, notifications, custom settings) as a diff.",
  scope: 'tenant',
  input: updateSettingsInput,
  audit: ['tenant.settings_changed'],
  async plan({ tenant }, request) {
    const { custom: _stored, ...typed } = tenant.settings;
    const settings = { ...typed };
    if (request.theme !== undefined) settings.theme = request.theme;
    if (request.notifications !== undefined) {
      const current = (settings.notifications ?? {}) as Record<string, unknown>;
      settings.notifications = { ...current, ...request.notifications };
    }
    const customBefore = customSettingsOf(tenant.settings);
    const customAfter = request.custom ? changedCustomSettings(customBefore, request.custom) : customBefore;
    const before = {
      timeZone: tenant.timeZone,
      contactEmail: tenant.contactEmail ?? null,
      supportEmail: tenant.supportEmail ?? null,
      supportPhone: tenant.supportPhone ?? null,
      settings: typed,
    };
    const after = {
      timeZone: request.timeZone ?? before.timeZone,
      contactEmail: request.contactEmail !== undefined ? request.contactEmail : before.contactEmail,
      supportEmail: request.supportEmail !== undefined ? request.supportEmail : before.supportEmail,
      supportPhone: request.supportPhone !== undefined ? request.supportPhone : before.supportPhone,
      settings,
    };
    const changes = [...diffValues(before, after), ...customChanges(customBefore, customAfter)];
    const data = { ...after, settings: Object.keys(customAfter).length > 0 ? { ...settings, custom: customAfter } : settings };
    if (changes.length === 0) return { unchanged: true, steps: [], changes, data };
    return {
      steps: [{ action: 'update-settings', description: `Change the settings of ${tenant.slug}: ${changes.map(describeChange).join('; ')}` }],
      changes,
      data,
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
