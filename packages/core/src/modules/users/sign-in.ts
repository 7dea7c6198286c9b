import { LockMode } from '@mikro-orm/core';
import type { ServiceContext } from '../../context.ts';
import { TenantryError } from '../../errors.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findMember } from '../memberships/member-queries.ts';
import { pendingDeletion, tenantPurged, tenantSuspended } from '../permissions/tenant-scope.ts';
import type { Role } from '../roles/roles.ts';
import { addressInRanges } from '../settings/cidr.ts';
import { Tenant } from '../tenants/tenant.entity.ts';
import { callerReaches } from './caller-scope.ts';
import { passwordMatches } from './credentials.ts';
import { acceptSecondFactor } from './second-factor.ts';
import { recordFailedSignIn } from './sign-in-failures.ts';
import { refuseGuardedAttempt, signInFailed } from './sign-in-guard.ts';
import { signInInput, type SignInInput } from './sign-in.schemas.ts';
import { User } from './user.entity.ts';

/**
 * What the application must still do before the user has a session: change the one-time password, ask
 * for the authenticator code (sign in again with `totp`), or enroll an authenticator the tenant requires.
 */
export type SignInRequirement = 'password_change' | 'totp' | 'totp_enrollment';

export interface SignInResult {
  user: { id: string; email: string; name: string | null };
  tenant: { id: string; slug: string; name: string };
  roles: Role[];
  /** From the tenant's security policy: sign the user out after this many idle minutes. */
  sessionTimeoutMinutes: number;
  /** Empty: start the session. */
  required: SignInRequirement[];
  /** The second factor this sign-in used, if any. */
  secondFactor: 'totp' | 'recovery_code' | null;
  /** The recovery codes still unused (null without an authenticator). */
  recoveryCodesLeft: number | null;
  /** The complete sign-in before this one. */
  previousSignInAt: Date | null;
}

/**
 * Checks a user's credentials for one tenant, for the application's login form. Refuses, in this order,
 * an unknown tenant, an address outside its allowed IP ranges, a locked or throttled account, a wrong
 * password, a non-member, a tenant that is not active, and a wrong second factor. A wrong password or
 * code counts toward the account's lock; every refusal and sign-in is audited, never with what was
 * typed. The account's row is locked for the check, so parallel guesses are counted one by one.
 */
export async function signIn(ctx: ServiceContext, input: SignInInput): Promise<SignInResult> {
  const request = parseInput(signInInput, input);
  const outcome = await ctx.em.fork().transactional(async (tx): Promise<SignInResult | { refused: TenantryError }> => {
    const now = ctx.now();
    const tenant = await tx.findOne(Tenant, { slug: request.tenant });
    const found = await tx.findOne(
      User,
      { email: request.email },
      { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['passwordHash', 'totpSealedSecret', 'recoveryCodeHashes'] },
    );
    const user = found && (await callerReaches(ctx, tx, found.id)) ? found : null;
    // An API key signs users in to its own tenant only.
    if (!tenant || (ctx.actor.apiKey && ctx.actor.apiKey.tenantId !== tenant.id)) {
      await passwordMatches(null, request.password);
      return { refused: signInFailed() };
    }
    const scope = { id: tenant.id, slug: tenant.slug };
    const { allowedIpRanges } = tenant.securityPolicy;
    if (allowedIpRanges.length > 0 && !addressInRanges(request.ip, allowedIpRanges)) {
      recordAudit(ctx, tx, {
        action: 'user.sign_in_refused',
        tenant: scope,
        targetType: 'user',
        targetId: user?.id,
        after: { email: request.email, ip: request.ip, reason: 'address' },
      });
      return { refused: addressNotAllowed(tenant.slug, request.ip, allowedIpRanges) };
    }
    if (user) refuseGuardedAttempt(user, now);
    if (!user || !(await passwordMatches(user.passwordHash, request.password))) {
      if (user) recordFailedSignIn(ctx, tx, user, 'password', scope);
      return { refused: signInFailed() };
    }
    const member = await findMember(tx, tenant.id, user.email);
    if (!member) return { refused: signInFailed() };
    refuseInactive(tenant);
    const enrolled = user.totpEnrolledAt != null;
    let secondFactor: SignInResult['secondFactor'] = null;
    if (enrolled && request.totp !== undefined) {
      secondFactor = await acceptSecondFactor(tx, user, request.totp, now);
      if (!secondFactor) {
        recordFailedSignIn(ctx, tx, user, 'totp', scope);
        return { refused: signInFailed() };
      }
    }
    const required: SignInRequirement[] = [];
    if (enrolled && !secondFactor) required.push('totp');
    if (!enrolled && tenant.securityPolicy.require2fa) required.push('totp_enrollment');
    if (user.mustChangePassword) required.push('password_change');
    const result: SignInResult = {
      user: { id: user.id, email: user.email, name: user.name ?? null },
      tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
      roles: member.roles,
      sessionTimeoutMinutes: tenant.securityPolicy.sessionTimeoutMinutes,
      required,
      secondFactor,
      recoveryCodesLeft: enrolled ? user.recoveryCodeHashes.length : null,
      previousSignInAt: user.lastSignInAt ?? null,
    };
    // Without the code an enrolled user has proved only the password: nothing is reset or recorded yet.
    if (required.includes('totp')) return result;
    user.failedSignIns = 0;
    user.lockedUntil = null;
    if (required.length === 0) user.lastSignInAt = now;
    recordAudit(ctx, tx, {
      action: 'user.signed_in',
      tenant: scope,
      targetType: 'user',
      targetId: user.id,
      after: { email: user.email, ip: request.ip, secondFactor, required },
    });
    return result;
  });
  if ('refused' in outcome) throw outcome.refused;
  return outcome;
}

function refuseInactive(tenant: Tenant): void {
  if (tenant.status === 'suspended') throw tenantSuspended(tenant);
  if (tenant.status === 'pending_deletion') throw pendingDeletion(tenant);
  if (tenant.status === 'deleted') throw tenantPurged(tenant);
  if (tenant.status !== 'active') throw signInFailed();
}

function addressNotAllowed(slug: string, ip: string, ranges: readonly string[]): TenantryError {
  return new TenantryError('ADDRESS_NOT_ALLOWED', {
    message: `${ip} may not sign in to ${slug}: its security policy allows only ${ranges.join(', ')}.`,
    details: { slug, ip, allowedIpRanges: ranges },
    hint: `A tenant admin changes the list with \`tenantry tenant policy ${slug} --allow-ip CIDR\`.`,
  });
}
