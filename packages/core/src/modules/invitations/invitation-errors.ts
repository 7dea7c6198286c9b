import { TenantryError } from '../../errors.ts';

export function invitationNotFound(what: string, details: Record<string, unknown>): TenantryError {
  return new TenantryError('INVITATION_NOT_FOUND', {
    message: `No invitation ${what}.`,
    details,
    hint: 'Check the token (it is shown once, when the invitation is sent), or send a new invitation.',
  });
}

export function invitationExpired(email: string, slug: string, expiresAt: Date): TenantryError {
  return new TenantryError('INVITATION_EXPIRED', {
    message: `The invitation of ${email} to ${slug} expired on ${expiresAt.toISOString()}.`,
    details: { email, slug, expiresAt: expiresAt.toISOString() },
    hint: `Send it again for a new token: \`tenantry invite resend ${slug} ${email}\`.`,
  });
}

export function invitationRevoked(email: string, slug: string): TenantryError {
  return new TenantryError('INVITATION_REVOKED', {
    message: `The invitation of ${email} to ${slug} was revoked.`,
    details: { email, slug },
    hint: `Send a new one: \`tenantry invite send ${slug} ${email}\`.`,
  });
}

export function invitationAccepted(email: string, slug: string): TenantryError {
  return new TenantryError('INVITATION_ALREADY_ACCEPTED', {
    message: `The invitation of ${email} to ${slug} was already accepted.`,
    details: { email, slug },
    hint: `${email} is a member: \`tenantry member list ${slug}\`.`,
  });
}

export function invalidCredentials(email: string): TenantryError {
  return new TenantryError('INVALID_CREDENTIALS', {
    message: `${email} already has an account, and the password given is not its password.`,
    details: { email },
    hint: 'Give the password of the existing account to join this tenant with it.',
  });
}
