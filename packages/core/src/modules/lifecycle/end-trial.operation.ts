import { defineOperation } from '../../operations/operation.ts';
import { endTrialInput } from './lifecycle.schemas.ts';

/** Ends a running trial now (the customer paid, or the trial is cut short). */
export const endTrial = defineOperation({
  id: 'tenant.end_trial',
  permission: 'tenant.trial',
  summary: 'Ends the trial of a tenant now.',
  scope: 'tenant',
  input: endTrialInput,
  audit: ['tenant.trial_ended'],
  async plan({ tenant, now }) {
    if (!tenant.trialEndsAt || tenant.trialEndsAt <= now()) return { unchanged: true, steps: [], data: null };
    return {
      steps: [{ action: 'end-trial', description: `End the trial of ${tenant.slug} now` }],
      changes: [{ field: 'trialEndsAt', from: tenant.trialEndsAt, to: now() }],
      data: null,
    };
  },
  async apply({ tenant, now }) {
    tenant.trialEndsAt = now();
  },
});
