import type { SqlEntityManager } from '@mikro-orm/sql';
import type { Role } from '../roles/roles.ts';
import { Membership } from './membership.entity.ts';

export interface MemberView {
  userId: string;
  email: string;
  name: string | null;
  roles: Role[];
  joinedAt: Date;
}

export interface FoundMember extends MemberView {
  membership: Membership;
}

const MEMBER_COLUMNS = `u.id as user_id, u.email, u.name, m.id as membership_id, m.created_at as joined_at,
              array_remove(array_agg(r.role order by r.role), null) as roles`;

interface MemberRow {
  user_id: string;
  email: string;
  name: string | null;
  membership_id: string;
  joined_at: Date | string;
  roles: Role[] | null;
}

function toView(row: MemberRow): MemberView {
  return { userId: row.user_id, email: row.email, name: row.name, roles: row.roles ?? [], joinedAt: new Date(row.joined_at) };
}

/** Every member of a tenant with their roles, oldest first. */
export async function membersOf(em: SqlEntityManager, tenantId: string): Promise<MemberView[]> {
  const rows = await em.execute<MemberRow[]>(
    `select ${MEMBER_COLUMNS}
       from tenantry.memberships m
       join tenantry.users u on u.id = m.user_id
       left join tenantry.role_assignments r on r.membership_id = m.id
      where m.tenant_id = ?
      group by u.id, u.email, u.name, m.id, m.created_at
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
      group by u.id, u.email, u.name, m.id, m.created_at`,
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
