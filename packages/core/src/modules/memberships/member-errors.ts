import { TenantryError } from '../../errors.ts';

export function memberNotFound(slug: string, email: string): TenantryError {
  return new TenantryError('MEMBER_NOT_FOUND', {
    message: `${email} is not a member of ${slug}.`,
    details: { slug, email },
    hint: `List members with \`tenantry member list ${slug}\`, or invite them with \`tenantry invite send ${slug} ${email}\`.`,
  });
}

export function lastOwner(slug: string, email: string, doing: string): TenantryError {
  return new TenantryError('LAST_OWNER', {
    message: `${email} is the last owner of ${slug}; ${doing} would leave the tenant without an owner.`,
    details: { slug, email },
    hint: `Grant the owner role to another member first: \`tenantry role grant ${slug} <email> owner\`.`,
  });
}

export function alreadyMember(slug: string, email: string): TenantryError {
  return new TenantryError('ALREADY_MEMBER', {
    message: `${email} is already a member of ${slug}.`,
    details: { slug, email },
    hint: `Change their roles with \`tenantry role grant ${slug} ${email} <role>\`.`,
  });
}
