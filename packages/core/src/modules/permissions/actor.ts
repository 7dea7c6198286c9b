import type { SqlEntityManager } from '@mikro-orm/sql';
import type { Actor } from '../../context.ts';
import { TenantryError } from '../../errors.ts';
import { User } from '../users/user.entity.ts';

/** Who an SDK caller acts as: a tenant user, by email or id. */
export type ActingUser = { email: string } | { userId: string };

/**
 * Turns "act as this user" into the actor every check and audit event uses. An unknown user may do
 * nothing, so it is FORBIDDEN rather than NOT_FOUND.
 */
export async function resolveUserActor(em: SqlEntityManager, who: ActingUser): Promise<Actor> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const user =
    'email' in who
      ? await em.findOne(User, { email: who.email.trim().toLowerCase() })
      : uuid.test(who.userId)
        ? await em.findOne(User, { id: who.userId })
        : null;
  const label = 'email' in who ? who.email : who.userId;
  if (!user) {
    throw new TenantryError('FORBIDDEN', {
      message: `Forbidden: there is no user ${label} to act as.`,
      details: { actor: label },
      hint: 'Act as an existing user (client.as({ email })), or as the platform operator.',
    });
  }
  return { type: 'user', id: user.id, label: user.email };
}
