import { defineOperation } from '../../operations/operation.ts';
import { diffValues } from '../changes/change.ts';
import { invalidTransition } from './lifecycle-errors.ts';
import { setBillingInput } from './lifecycle.schemas.ts';

/**
 * Records until when a tenant has paid (or clears it), and may convert a running trial into paying by
 * ending it now. The doctor's TRIAL_ENDED_ACTIVE reads it: a tenant paid past today is not a free rider.
 */
export const setBilling = defineOperation({
  id: 'tenant.billing',
  summary: 'Records until when a tenant has paid, and may end its trial (converting it to paying).',
  scope: 'tenant',
  input: setBillingInput,
  audit: ['tenant.billing_changed'],
  async plan({ tenant, now }, request) {
    if (tenant.status === 'deleted') throw invalidTransition(tenant, 'record a payment of', 'A purged tenant has no billing.');
    const at = now();
    const trialRunning = tenant.trialEndsAt !== null && tenant.trialEndsAt !== undefined && tenant.trialEndsAt > at;
    const trialEndsAt = request.endTrial && trialRunning ? at : (tenant.trialEndsAt ?? null);
    const before = { paidUntil: tenant.paidUntil ?? null, trialEndsAt: tenant.trialEndsAt ?? null };
    const after = { paidUntil: request.paidUntil, trialEndsAt };
    const changes = diffValues(before, after);
    const data = after;
    if (changes.length === 0) return { unchanged: true, steps: [], changes, data };
    const paid = request.paidUntil ? `Record ${tenant.slug} as paid until ${request.paidUntil.toISOString()}` : `Clear the paid-until date of ${tenant.slug}`;
    return {
      steps: [
        ...(before.paidUntil?.getTime() !== request.paidUntil?.getTime() ? [{ action: 'set-paid-until', description: paid }] : []),
        ...(trialEndsAt !== before.trialEndsAt ? [{ action: 'end-trial', description: `End the trial of ${tenant.slug} now: it is paying` }] : []),
      ],
      changes,
      audit: { before, after },
      data,
    };
  },
  async apply({ tenant }, { data }) {
    tenant.paidUntil = data.paidUntil;
    tenant.trialEndsAt = data.trialEndsAt;
  },
});
