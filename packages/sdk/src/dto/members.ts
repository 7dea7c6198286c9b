import type { MemberView, Role } from '@tenantry/core';

export interface MemberRecordDto {
  userId: string;
  email: string;
  name: string | null;
  roles: Role[];
  joinedAt: string;
}

export interface RoleAssignmentDto {
  userId: string;
  email: string;
  role: Role;
}

export function toMemberRecordDto(member: MemberView): MemberRecordDto {
  return { userId: member.userId, email: member.email, name: member.name, roles: member.roles, joinedAt: member.joinedAt.toISOString() };
}
