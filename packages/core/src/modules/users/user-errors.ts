import { TenantryError } from '../../errors.ts';

export function totpAlreadyEnrolled(email: string): TenantryError {
  return new TenantryError('TOTP_ALREADY_ENROLLED', {
    message: `${email} already has a confirmed authenticator.`,
    details: { email },
    hint: `To move to a new phone, the platform operator resets it first: tenantry user reset-2fa ${email}.`,
  });
}

export function totpNotPending(email: string): TenantryError {
  return new TenantryError('TOTP_NOT_PENDING', {
    message: `${email} has no authenticator waiting for its first code.`,
    details: { email },
    hint: 'Enroll first (users.enrollTotp, POST /v1/users/totp), then confirm with the code the app shows.',
  });
}

export function userNotFound(email: string): TenantryError {
  return new TenantryError('USER_NOT_FOUND', {
    message: `No user with email ${email}.`,
    details: { email },
    hint: 'Check the address; `tenantry member list <slug>` lists the users of a tenant.',
  });
}
