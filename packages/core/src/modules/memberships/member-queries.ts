import type { SqlEntityManager } from '@mikro-orm/sql';
import type { Role } from '../roles/roles.ts';
import type { TwoFactorState } from '../users/user-view.ts';
import { Membership } from './membership.entity.ts';

export interface MemberView {
  userId: string;
  email: string;
  name: string | null;
  roles: Role[];
  joinedAt: Date;
  /** The account's sign-in state: what support looks at first. */
  lastSignInAt: Date | null;
  /** Set while failed sign-ins keep the account locked. */
  lockedUntil: Date | null;
  twoFactor: TwoFactorState;
}

export interface FoundMember extends MemberView {
  membership: Membership;
}

const MEMBER_COLUMNS = `u.id as user_id, u.email, u.name, m.id as membership_id, m.created_at as joined_at,
              u.last_sign_in_at, case when u.locked_until > now() then u.locked_until end as locked_until,
              case when u.totp_enrolled_at is not null then 'enrolled' when u.totp_sealed_secret is not null then 'pending' else 'none' end as two_factor,
              array_remove(array_agg(r.role order by r.role), null) as roles`;

interface MemberRow {
  user_id: string;
  email: string;
  name: string | null;
  membership_id: string;
  joined_at: Date | string;
  roles: Role[] | null;
  last_sign_in_at: Date | string | null;
  locked_until: Date | string | null;
  two_factor: TwoFactorState;
}

function toView(row: MemberRow): MemberView {
  return {
    userId: row.user_id,
    email: row.email,
    name: row.name,
    roles: row.roles ?? [],
    joinedAt: new Date(row.joined_at),
    lastSignInAt: row.last_sign_in_at === null ? null : new Date(row.last_sign_in_at),
    lockedUntil: row.locked_until === null ? null : new Date(row.locked_until),
    twoFactor: row.two_factor,
  };
}

/** Every member of a tenant with their roles, oldest first. */
export async function membersOf(em: SqlEntityManager, tenantId: string): Promise<MemberView[]> {
  const rows = await em.execute<MemberRow[]>(
    `select ${MEMBER_COLUMNS}
       from tenantry.memberships m
       join tenantry.users u on u.id = m.user_id
       left join tenantry.role_assignments r on r.membership_id = m.id
      where m.tenant_id = ?
      group by u.id, m.id
      order by m.created_at, u.email`,
    [tenantId],
  );
  return rows.map(toView);
}

/** One member by email (case-insensitive), or undefined. */
export async function findMember(em: SqlEntityManager, tenantId: string, email: string): Promise<FoundMember | undefined> {
  const [row] = await em.execute<MemberRow[]>(
    `select ${MEMBER_COLUMNS}
       from tenantry.memberships m
       join tenantry.users u on u.id = m.user_id
       left join tenantry.role_assignments r on r.membership_id = m.id
      where m.tenant_id = ? and lower(u.email) = lower(?)
      group by u.id, m.id`,
    [tenantId, email],
  );
  if (!row) return undefined;
  return { ...toView(row), membership: em.getReference(Membership, row.membership_id) };
}

/** How many members hold the owner role. */
export async function countOwners(em: SqlEntityManager, tenantId: string): Promise<number> {
  const [row] = await em.execute<{ owners: number }[]>(
    `select count(*)::int as owners
       from tenantry.role_assignments r join tenantry.memberships m on m.id = r.membership_id
      where m.tenant_id = ? and r.role = 'owner'`,
    [tenantId],
  );
  return row?.owners ?? 0;
}
