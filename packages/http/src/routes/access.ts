import { changeRoute, type RouteSpec } from '../route.ts';

const KEYS = 'API keys';
const DOMAINS = 'Domains';

/** A tenant's API keys and domains. */
export const ACCESS_ROUTES: RouteSpec[] = [
  {
    method: 'GET',
    path: '/v1/tenants/{slug}/api-keys',
    summary: 'A tenant’s API keys, newest first (never the keys themselves).',
    tag: KEYS,
    run: (client, call) => client.apiKeys.list(String(call.params.slug)),
  },
  changeRoute(KEYS, 'POST', '/v1/tenants/{slug}/api-keys', 'apikey.create', (client, input, options) => client.apiKeys.create(input, options), {
    creates: true,
  }),
  changeRoute(KEYS, 'POST', '/v1/tenants/{slug}/api-keys/{prefix}/rotate', 'apikey.rotate', (client, input, options) => client.apiKeys.rotate(input, options), {
    creates: true,
  }),
  changeRoute(KEYS, 'DELETE', '/v1/tenants/{slug}/api-keys/{prefix}', 'apikey.revoke', (client, input, options) => client.apiKeys.revoke(input, options)),
  {
    method: 'GET',
    path: '/v1/tenants/{slug}/domains',
    summary: 'A tenant’s domains, the primary first.',
    tag: DOMAINS,
    run: (client, call) => client.domains.list(String(call.params.slug)),
  },
  changeRoute(DOMAINS, 'POST', '/v1/tenants/{slug}/domains', 'domain.add', (client, input, options) => client.domains.add(input, options), { creates: true }),
  changeRoute(DOMAINS, 'POST', '/v1/tenants/{slug}/domains/{hostname}/verify', 'domain.verify', (client, input, options) =>
    client.domains.verify(input, options),
  ),
  changeRoute(DOMAINS, 'POST', '/v1/tenants/{slug}/domains/{hostname}/primary', 'domain.primary', (client, input, options) =>
    client.domains.setPrimary(input, options),
  ),
  changeRoute(DOMAINS, 'DELETE', '/v1/tenants/{slug}/domains/{hostname}', 'domain.remove', (client, input, options) => client.domains.remove(input, options)),
];
