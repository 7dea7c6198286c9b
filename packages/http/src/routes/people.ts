import { INVITATION_STATES, ROLES, TenantryError, type TenantryClient } from '@tenantry/sdk';
import { z } from 'zod';
import { changeRoute, inputOf, type RouteSpec } from '../route.ts';

const MEMBERS = 'Members and roles';
const INVITATIONS = 'Invitations';

/** Members, role assignments and invitations of a tenant, and accepting an invitation with its token. */
export const PEOPLE_ROUTES: RouteSpec[] = [
  {
    method: 'GET',
    path: '/v1/tenants/{slug}/members',
    summary: 'The members of a tenant with their roles.',
    tag: MEMBERS,
    run: (client, call) => client.members.list(String(call.params.slug)),
  },
  changeRoute(MEMBERS, 'DELETE', '/v1/tenants/{slug}/members/{email}', 'member.remove', (client, input, options) => client.members.remove(input, options)),
  {
    method: 'GET',
    path: '/v1/tenants/{slug}/roles',
    summary: 'Every role assignment in a tenant; each `id` names it in DELETE /v1/tenants/{slug}/roles/{id}.',
    tag: MEMBERS,
    run: (client, call) => client.roles.list(String(call.params.slug)),
  },
  {
    method: 'POST',
    path: '/v1/tenants/{slug}/roles',
    summary: 'Grants a role to a member named by email or user id; only an owner (or the platform) grants owner.',
    tag: MEMBERS,
    operation: 'role.grant',
    body: z.strictObject({ email: z.email().optional(), userId: z.uuid().optional(), role: z.enum(ROLES) }),
    creates: true,
    run: async (client, call) => {
      const slug = String(call.params.slug);
      const { userId, email, role } = call.body as { userId?: string; email?: string; role?: string };
      return client.roles.grant({ slug, email: await memberEmail(client, slug, { userId, email }), role: role as never }, call.options);
    },
  },
  {
    method: 'DELETE',
    path: '/v1/tenants/{slug}/roles/{id}',
    summary: 'Revokes a role assignment (its id from the list); the last owner keeps the owner role (LAST_OWNER).',
    tag: MEMBERS,
    operation: 'role.revoke',
    run: async (client, call) => {
      const slug = String(call.params.slug);
      const [userId = '', role = ''] = String(call.params.id).split(':');
      return client.roles.revoke({ slug, email: await memberEmail(client, slug, { userId }), role: role as never }, call.options);
    },
  },
  {
    method: 'GET',
    path: '/v1/tenants/{slug}/invitations',
    summary: 'The invitations of a tenant, pending first.',
    tag: INVITATIONS,
    query: z.object({ state: z.enum(INVITATION_STATES).optional() }),
    run: (client, call) => client.invitations.list(inputOf(call, 'slug')),
  },
  changeRoute(INVITATIONS, 'POST', '/v1/tenants/{slug}/invitations', 'invitation.send', (client, input, options) => client.invitations.send(input, options), {
    creates: true,
  }),
  changeRoute(INVITATIONS, 'POST', '/v1/tenants/{slug}/invitations/resend', 'invitation.resend', (client, input, options) =>
    client.invitations.resend(input, options),
  ),
  changeRoute(INVITATIONS, 'DELETE', '/v1/tenants/{slug}/invitations/{email}', 'invitation.revoke', (client, input, options) =>
    client.invitations.revoke(input, options),
  ),
  changeRoute(INVITATIONS, 'POST', '/v1/invitations/accept', 'invitation.accept', (client, input, options) => client.invitations.accept(input, options), {
    public: true,
  }),
];

/** A member named by user id (the assignment ids of the role list) or email, as the email the role operations take. */
async function memberEmail(client: TenantryClient, slug: string, who: { userId?: string | undefined; email?: string | undefined }): Promise<string> {
  if (who.email !== undefined && who.userId === undefined) return who.email;
  if (who.userId === undefined || who.email !== undefined) {
    throw TenantryError.invalidInput([{ path: 'email', message: 'give exactly one of email and userId' }]);
  }
  const member = (await client.members.list(slug)).find((candidate) => candidate.userId === who.userId);
  if (!member) throw new TenantryError('MEMBER_NOT_FOUND', { message: `${who.userId} is not a member of ${slug}.`, details: { userId: who.userId, slug } });
  return member.email;
}
