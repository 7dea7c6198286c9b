import { PLAN_CODES, TenantryError, parseInput, provisionTenantInput, type PlanCode } from '@tenantry/sdk';
import type { RouteSpec } from '../route.ts';

export interface SignupOptions {
  /** Off unless turned on (`tenantry serve --allow-signup`). */
  enabled: boolean;
  /** The plan a signed-up tenant gets. */
  plan: PlanCode;
}

/** What a visitor may choose: the organization and its owner, never the plan, limits or isolation. */
export const signupInput = provisionTenantInput.pick({ name: true, slug: true, ownerEmail: true, ownerName: true }).extend({
  ownerPassword: provisionTenantInput.shape.ownerPassword.unwrap(),
});

/**
 * Self-service sign-up: a public route, off unless enabled, rate-limited per client address, that
 * provisions on the configured plan and keeps the owner's own password (no change forced at first login).
 */
export function signupRoute(options: SignupOptions): RouteSpec {
  if (!PLAN_CODES.includes(options.plan)) throw TenantryError.invalidInput([{ path: 'signupPlan', message: `must be one of: ${PLAN_CODES.join(', ')}` }]);
  return {
    method: 'POST',
    path: '/v1/signup',
    summary: 'Signs up an organization with its owner on the server’s sign-up plan (basic unless --signup-plan); off unless the server allows sign-up.',
    tag: 'Sign-up',
    body: signupInput,
    public: true,
    creates: true,
    rateLimited: true,
    run: (client, call) => {
      if (!options.enabled) {
        throw new TenantryError('SIGNUP_DISABLED', {
          message: 'Self-service sign-up is off on this server.',
          hint: 'Ask the operator, who can provision the tenant or start the server with --allow-signup.',
        });
      }
      const input = parseInput(signupInput, call.body);
      return client.tenants.provision({ ...input, plan: options.plan }, { ...call.options, ownerPassword: 'chosen' });
    },
  };
}
