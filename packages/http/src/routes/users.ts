import { signInInput } from '@tenantry/sdk';
import { changeRoute, type RouteSpec } from '../route.ts';

const TAG = 'Users and sign-in';

/**
 * Sign-in for the application's login form, password and authenticator changes, and (platform) a user's
 * state, unlock and resets. Every route needs a credential: the application's back end calls them and
 * passes the address its user connects from, which only a trusted caller can be believed about.
 */
export const USER_ROUTES: RouteSpec[] = [
  {
    method: 'POST',
    path: '/v1/sign-in',
    summary:
      'Checks a user’s password (and authenticator code) for a tenant: the user, their roles, the session timeout, and what is still required; failures throttle, then lock the account.',
    tag: TAG,
    body: signInInput,
    check: true,
    run: (client, call) => client.users.signIn(call.body as never),
  },
  changeRoute(TAG, 'POST', '/v1/users/password', 'user.change_password', (client, input, options) => client.users.changePassword(input, options)),
  changeRoute(TAG, 'POST', '/v1/users/totp', 'user.enroll_totp', (client, input, options) => client.users.enrollTotp(input, options)),
  changeRoute(TAG, 'POST', '/v1/users/totp/confirm', 'user.confirm_totp', (client, input, options) => client.users.confirmTotp(input, options)),
  {
    method: 'GET',
    path: '/v1/users/{email}',
    summary: 'A user with their tenants, roles and sign-in state (last sign-in, failures, lock, 2FA). Platform only.',
    tag: TAG,
    run: (client, call) => client.users.get({ email: String(call.params.email) }),
  },
  changeRoute(TAG, 'POST', '/v1/users/{email}/unlock', 'user.unlock', (client, input, options) => client.users.unlock(input, options)),
  changeRoute(TAG, 'POST', '/v1/users/{email}/reset-password', 'user.reset_password', (client, input, options) => client.users.resetPassword(input, options)),
  changeRoute(TAG, 'DELETE', '/v1/users/{email}/totp', 'user.reset_totp', (client, input, options) => client.users.resetTotp(input, options)),
];
