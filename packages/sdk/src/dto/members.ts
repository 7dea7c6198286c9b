import type { MemberView, Role, TwoFactorState } from '@tenantry/core';

/** A member of a tenant with the roles they hold there: the one shape of a member everywhere. */
export interface MemberDto {
  userId: string;
  email: string;
  name: string | null;
  roles: Role[];
  joinedAt: string;
  /** The last complete sign-in (users.signIn), or null. */
  lastSignInAt: string | null;
  /** Set while failed sign-ins keep the account locked (tenantry user unlock). */
  lockedUntil: string | null;
  /** Their authenticator: none, pending (not confirmed yet), or enrolled. */
  twoFactor: TwoFactorState;
}

export interface RoleAssignmentDto {
  /** `<userId>:<role>`: names the assignment. */
  id: string;
  userId: string;
  email: string;
  role: Role;
}

export function toMemberDto(member: MemberView): MemberDto {
  return {
    userId: member.userId,
    email: member.email,
    name: member.name,
    roles: member.roles,
    joinedAt: member.joinedAt.toISOString(),
    lastSignInAt: member.lastSignInAt?.toISOString() ?? null,
    lockedUntil: member.lockedUntil?.toISOString() ?? null,
    twoFactor: member.twoFactor,
  };
}
