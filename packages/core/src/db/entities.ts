import { ApiKey } from '../modules/api-keys/api-key.entity.ts';
import { AuditEvent } from '../modules/audit/audit-event.entity.ts';
import { Domain } from '../modules/domains/domain.entity.ts';
import { LifecycleEvent } from '../modules/events/lifecycle-event.entity.ts';
import { Invitation } from '../modules/invitations/invitation.entity.ts';
import { Membership } from '../modules/memberships/membership.entity.ts';
import { OutboxMessage } from '../modules/outbox/outbox-message.entity.ts';
import { RoleAssignment } from '../modules/roles/role-assignment.entity.ts';
import { ServiceToken } from '../modules/service-tokens/service-token.entity.ts';
import { Tenant } from '../modules/tenants/tenant.entity.ts';
import { User } from '../modules/users/user.entity.ts';

export const CONTROL_PLANE_ENTITIES = [
  Tenant,
  User,
  Membership,
  RoleAssignment,
  Domain,
  AuditEvent,
  LifecycleEvent,
  Invitation,
  ApiKey,
  OutboxMessage,
  ServiceToken,
];
