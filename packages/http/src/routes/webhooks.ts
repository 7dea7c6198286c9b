import { listDeliveriesInput } from '@tenantry/sdk';
import { changeRoute, numbersIn, type RouteSpec } from '../route.ts';

const TAG = 'Webhooks';

/** Subscriptions to lifecycle events and their deliveries: the platform operator's. */
export const WEBHOOK_ROUTES: RouteSpec[] = [
  {
    method: 'GET',
    path: '/v1/webhooks',
    summary: 'Every subscription to lifecycle events, with its delivery counts and last attempt (never a secret).',
    tag: TAG,
    run: (client) => client.webhooks.list(),
  },
  changeRoute(TAG, 'POST', '/v1/webhooks', 'webhook.add', (client, input, options) => client.webhooks.add(input, options), { creates: true }),
  changeRoute(TAG, 'DELETE', '/v1/webhooks/{id}', 'webhook.remove', (client, input, options) => client.webhooks.remove(input, options)),
  changeRoute(TAG, 'POST', '/v1/webhooks/{id}/enable', 'webhook.enable', (client, input, options) => client.webhooks.enable(input, options)),
  {
    method: 'POST',
    path: '/v1/webhooks/{id}/test',
    summary: 'Sends a signed webhook.test message to the subscription now and answers what the receiver said; nothing is recorded.',
    tag: TAG,
    run: (client, call) => client.webhooks.test({ id: call.params.id ?? '' }),
  },
  {
    method: 'GET',
    path: '/v1/webhooks/deliveries',
    summary: 'Deliveries, newest first, each with its attempts (status, latency, the response’s first bytes).',
    tag: TAG,
    query: listDeliveriesInput,
    run: (client, call) => client.webhooks.deliveries(numbersIn(call.query, 'limit')),
  },
  changeRoute(TAG, 'POST', '/v1/events/{event}/replay', 'webhook.replay', (client, input, options) => client.webhooks.replay(input, options)),
];
