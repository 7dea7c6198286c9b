import { ROLES, type Role } from '../roles/roles.ts';

/**
 * Every operation on a tenant that an actor may or may not perform. The platform operator (the CLI,
 * an SDK client without `as`) may perform all of them; a tenant user only what their roles allow, in
 * their own tenant. Accepting an invitation and verifying an API key are not here: the token or the
 * key is the credential.
 */
export const PERMISSIONS = [
  'tenant.list',
  'tenant.provision',
  'tenant.view',
  'tenant.settings',
  'tenant.policy',
  'tenant.plan',
  'tenant.feature',
  'tenant.suspend',
  'tenant.resume',
  'tenant.trial',
  'tenant.billing',
  'tenant.monitoring',
  'tenant.seed_demo',
  'tenant.restore_tables',
  'tenant.delete',
  'tenant.restore',
  'tenant.purge',
  'member.list',
  'member.remove',
  'role.list',
  'role.grant',
  'role.revoke',
  'invitation.list',
  'invitation.send',
  'invitation.resend',
  'invitation.revoke',
  'apikey.list',
  'apikey.create',
  'apikey.rotate',
  'apikey.revoke',
  'domain.list',
  'domain.add',
  'domain.primary',
  'domain.verify',
  'domain.remove',
  'audit.list',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ['tenant.view', 'member.list', 'role.list', 'domain.list'];
const MANAGE: Permission[] = [
  ...READ,
  'tenant.settings',
  'member.remove',
  'role.grant',
  'role.revoke',
  'invitation.list',
  'invitation.send',
  'invitation.resend',
  'invitation.revoke',
  'apikey.list',
  'apikey.create',
  'apikey.rotate',
  'apikey.revoke',
  'domain.add',
  'domain.primary',
  'domain.verify',
  'domain.remove',
  'audit.list',
];

/**
 * What each role may do in its own tenant. Billing and lifecycle decisions (plan, features, suspend,
 * resume, trial, billing, purge) and anything across tenants (list, provision) belong to the platform only.
 * Beyond the table: only an owner may grant, revoke or invite the owner role, or remove an owner.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: [...MANAGE, 'tenant.policy', 'tenant.delete', 'tenant.restore'],
  admin: MANAGE,
  analyst: [...READ, 'audit.list'],
  viewer: READ,
};

export const PLATFORM_ONLY: readonly Permission[] = PERMISSIONS.filter((operation) => !ROLES.some((role) => ROLE_PERMISSIONS[role].includes(operation)));

/** Whether any of the roles allows the operation. A member with no role may do nothing. */
export function rolesAllow(roles: readonly Role[], operation: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(operation));
}
