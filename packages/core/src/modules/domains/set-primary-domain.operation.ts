import { defineOperation } from '../../operations/operation.ts';
import { domainRefInput } from './domain.schemas.ts';
import { applyPrimarySwitch, planPrimarySwitch } from './primary-switch.ts';

/**
 * Makes a verified hostname the tenant's primary domain, adding `<slug>.<base domain>` when the tenant
 * does not have it: the repair for a tenant whose domain is missing or wrong.
 */
export const setPrimaryDomain = defineOperation({
  id: 'domain.primary',
  summary: "Makes a verified hostname the tenant's primary domain, creating <slug>.<base domain> when missing.",
  scope: 'tenant',
  input: domainRefInput,
  audit: ['domain.primary_changed'],
  plan: (ctx, request) => planPrimarySwitch(ctx, request.hostname),
  apply: (ctx, plan) => applyPrimarySwitch(ctx, plan),
});
