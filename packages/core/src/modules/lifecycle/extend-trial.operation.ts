import { defineOperation } from '../../operations/operation.ts';
import { diffValues } from '../changes/change.ts';
import { invalidTransition } from './lifecycle-errors.ts';
import { extendTrialInput } from './lifecycle.schemas.ts';

const DAY = 86_400_000;

/** Extends (or starts) a trial by N days, from its current end or from now when it has ended. */
export const extendTrial = defineOperation({
  id: 'tenant.trial',
  summary: 'Extends (or starts) the trial of a tenant by a number of days.',
  scope: 'tenant',
  input: extendTrialInput,
  audit: ['tenant.trial_extended'],
  async plan({ tenant, now }, request) {
    if (tenant.status !== 'active' && tenant.status !== 'suspended') {
      throw invalidTransition(tenant, 'extend the trial of', 'Only an active or suspended tenant has a trial to extend.');
    }
    const at = now();
    const from = tenant.trialEndsAt && tenant.trialEndsAt > at ? tenant.trialEndsAt : at;
    const trialEndsAt = new Date(from.getTime() + request.extendDays * DAY);
    return {
      steps: [{ action: 'extend-trial', description: `Extend the trial of ${tenant.slug} by ${request.extendDays} days, to ${trialEndsAt.toISOString()}` }],
      changes: diffValues({ trialEndsAt: tenant.trialEndsAt ?? null }, { trialEndsAt }),
      audit: { before: { trialEndsAt: tenant.trialEndsAt ?? null }, after: { trialEndsAt, extendDays: request.extendDays } },
      data: { trialEndsAt },
    };
  },
  async apply({ tenant }, plan) {
    tenant.trialEndsAt = plan.data.trialEndsAt;
  },
});
