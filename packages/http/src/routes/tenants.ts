import { listTenantsInput } from '@tenantry/sdk';
import { z } from 'zod';
import { changeRoute, numbersIn, type RouteSpec } from '../route.ts';

const TAG = 'Tenants';

/** Tenants: provision, list, get, and every change of a tenant's settings, plan and lifecycle. */
export const TENANT_ROUTES: RouteSpec[] = [
  {
    method: 'POST',
    path: '/v1/tenants',
    summary: 'Provisions a tenant with its owner (a one-time password, shown once), plan, domains and data space.',
    tag: TAG,
    operation: 'tenant.provision',
    creates: true,
    run: (client, call) => client.tenants.provision(call.body as never, call.options),
  },
  {
    method: 'GET',
    path: '/v1/tenants',
    summary: 'Lists tenants, a page at a time: pass the answer’s nextCursor as cursor for the next page.',
    tag: TAG,
    query: listTenantsInput.omit({ offset: true }),
    run: (client, call) => client.tenants.list(numbersIn(call.query, 'limit')),
  },
  {
    method: 'GET',
    path: '/v1/tenants/{slug}',
    summary: 'A tenant with its plan, limits, usage, domains, members and owners.',
    tag: TAG,
    run: (client, call) => client.tenants.get(String(call.params.slug)),
  },
  changeRoute(TAG, 'PATCH', '/v1/tenants/{slug}/settings', 'tenant.settings', (client, input, options) => client.tenants.updateSettings(input, options)),
  changeRoute(TAG, 'PATCH', '/v1/tenants/{slug}/policy', 'tenant.policy', (client, input, options) => client.tenants.updatePolicy(input, options)),
  changeRoute(TAG, 'PUT', '/v1/tenants/{slug}/monitoring', 'tenant.monitoring', (client, input, options) => client.tenants.setMonitoring(input, options)),
  changeRoute(TAG, 'POST', '/v1/tenants/{slug}/demo-data', 'tenant.seed_demo', (client, input, options) => client.tenants.seedDemo(input, options), {
    creates: true,
  }),
  changeRoute(TAG, 'POST', '/v1/tenants/{slug}/plan', 'tenant.plan', (client, input, options) => client.plans.change(input, options)),
  changeRoute(TAG, 'PUT', '/v1/tenants/{slug}/features/{feature}', 'tenant.feature', (client, input, options) => client.plans.setFeature(input, options)),
  changeRoute(TAG, 'POST', '/v1/tenants/{slug}/trial/extend', 'tenant.trial', (client, input, options) => client.tenants.extendTrial(input, options)),
  changeRoute(TAG, 'POST', '/v1/tenants/{slug}/trial/end', 'tenant.end_trial', (client, input, options) => client.tenants.endTrial(input, options)),
  changeRoute(TAG, 'PUT', '/v1/tenants/{slug}/billing', 'tenant.billing', (client, input, options) => client.tenants.setBilling(input, options)),
  changeRoute(TAG, 'POST', '/v1/tenants/{slug}/suspend', 'tenant.suspend', (client, input, options) => client.tenants.suspend(input, options)),
  changeRoute(TAG, 'POST', '/v1/tenants/{slug}/resume', 'tenant.resume', (client, input, options) => client.tenants.resume(input, options)),
  changeRoute(TAG, 'DELETE', '/v1/tenants/{slug}', 'tenant.delete', (client, input, options) => client.tenants.delete(input, options)),
  changeRoute(TAG, 'POST', '/v1/tenants/{slug}/restore', 'tenant.restore', (client, input, options) => client.tenants.restore(input, options)),
  changeRoute(TAG, 'POST', '/v1/tenants/{slug}/purge', 'tenant.purge', (client, input, options) => client.tenants.purge(input, options)),
  {
    method: 'GET',
    path: '/v1/tenants/{slug}/audit',
    summary: 'The audit trail of one tenant, newest first.',
    tag: TAG,
    query: z.object({
      action: z.string().optional(),
      since: z.string().optional(),
      until: z.string().optional(),
      limit: z.int().min(1).max(10_000).optional(),
    }),
    run: (client, call) => client.audit.list({ ...(numbersIn(call.query, 'limit') as object), tenant: String(call.params.slug) }),
  },
];
