import type { ServiceContext } from '../../context.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { requirePlatform } from '../permissions/authorize.ts';
import type { Role } from '../roles/roles.ts';
import type { TenantStatus } from '../tenants/tenant.schemas.ts';
import { isLocked } from './sign-in-guard.ts';
import { userEmailInput, type UserEmailInput } from './sign-in.schemas.ts';
import { userNotFound } from './user-errors.ts';
import { User } from './user.entity.ts';

export type TwoFactorState = 'none' | 'pending' | 'enrolled';

/** A user's sign-in state: what support looks at when someone cannot sign in. */
export interface SignInStateView {
  lastSignInAt: Date | null;
  failedSignIns: number;
  lastFailedSignInAt: Date | null;
  /** Set while the account is locked. */
  lockedUntil: Date | null;
  mustChangePassword: boolean;
  passwordChangedAt: Date | null;
  twoFactor: TwoFactorState;
  recoveryCodesLeft: number | null;
}

export interface UserView extends SignInStateView {
  id: string;
  email: string;
  name: string | null;
  createdAt: Date;
  tenants: { slug: string; name: string; status: TenantStatus; roles: Role[] }[];
}

/** One user across tenants, with their sign-in state. Platform only: it spans tenants. */
export async function viewUser(ctx: ServiceContext, input: UserEmailInput): Promise<UserView> {
  requirePlatform(ctx, 'user.view');
  const { email } = parseInput(userEmailInput, input);
  const em = ctx.em.fork();
  const user = await em.findOne(User, { email }, { populate: ['totpSealedSecret', 'recoveryCodeHashes'] });
  if (!user) throw userNotFound(email);
  const tenants = await em.execute<{ slug: string; name: string; status: TenantStatus; roles: Role[] | null }[]>(
    `select t.slug, t.name, t.status, array_remove(array_agg(r.role order by r.role), null) as roles
       from tenantry.memberships m
       join tenantry.tenants t on t.id = m.tenant_id
       left join tenantry.role_assignments r on r.membership_id = m.id
      where m.user_id = ?
      group by t.slug, t.name, t.status
      order by t.slug`,
    [user.id],
  );
  return {
    id: user.id,
    email: user.email,
    name: user.name ?? null,
    createdAt: user.createdAt,
    ...signInStateOf(user, ctx.now()),
    tenants: tenants.map((row) => ({ slug: row.slug, name: row.name, status: row.status, roles: row.roles ?? [] })),
  };
}

/** The sign-in state of a user whose TOTP columns are loaded. */
export function signInStateOf(user: User, now: Date): SignInStateView {
  const twoFactor: TwoFactorState = user.totpEnrolledAt ? 'enrolled' : user.totpSealedSecret ? 'pending' : 'none';
  return {
    lastSignInAt: user.lastSignInAt ?? null,
    failedSignIns: user.failedSignIns,
    lastFailedSignInAt: user.lastFailedSignInAt ?? null,
    lockedUntil: isLocked(user, now) ? (user.lockedUntil ?? null) : null,
    mustChangePassword: user.mustChangePassword,
    passwordChangedAt: user.passwordChangedAt ?? null,
    twoFactor,
    recoveryCodesLeft: twoFactor === 'enrolled' ? user.recoveryCodeHashes.length : null,
  };
}
