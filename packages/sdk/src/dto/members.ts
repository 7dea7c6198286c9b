import type { MemberView, Role } from '@tenantry/core';

/** A member of a tenant with the roles they hold there: the one shape of a member everywhere. */
export interface MemberDto {
  userId: string;
  email: string;
  name: string | null;
  roles: Role[];
  joinedAt: string;
}

export interface RoleAssignmentDto {
  /** `<userId>:<role>`: names the assignment. */
  id: string;
  userId: string;
  email: string;
  role: Role;
}

export function toMemberDto(member: MemberView): MemberDto {
  return { userId: member.userId, email: member.email, name: member.name, roles: member.roles, joinedAt: member.joinedAt.toISOString() };
}
