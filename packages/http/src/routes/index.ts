import type { RouteSpec } from '../route.ts';
import { ACCESS_ROUTES } from './access.ts';
import { PEOPLE_ROUTES } from './people.ts';
import { PLATFORM_ROUTES } from './platform.ts';
import { signupRoute, type SignupOptions } from './signup.ts';
import { TENANT_ROUTES } from './tenants.ts';
import { USER_ROUTES } from './users.ts';
import { WEBHOOK_ROUTES } from './webhooks.ts';

/** Every route of the API, in the order the OpenAPI document lists them. */
export function apiRoutes(signup: SignupOptions): RouteSpec[] {
  return [signupRoute(signup), ...TENANT_ROUTES, ...PEOPLE_ROUTES, ...USER_ROUTES, ...ACCESS_ROUTES, ...PLATFORM_ROUTES, ...WEBHOOK_ROUTES];
}
