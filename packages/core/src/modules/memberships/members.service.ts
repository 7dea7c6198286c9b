import { z } from 'zod';
import type { ServiceContext } from '../../context.ts';
import { emailAddress } from '../../validation/fields.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { tenantSlugField } from '../changes/inputs.ts';
import { inTenantScope } from '../permissions/tenant-scope.ts';
import { membersOf, type MemberView } from './member-queries.ts';

export const memberRefInput = z.strictObject({ slug: tenantSlugField, email: emailAddress });
export type MemberRefInput = z.input<typeof memberRefInput>;

/** The members of a tenant with their roles. */
export async function listMembers(ctx: ServiceContext, slug: string): Promise<MemberView[]> {
  const tenantSlug = parseInput(tenantSlugField, slug);
  return inTenantScope(ctx, tenantSlug, 'member.list', ({ tx, tenant }) => membersOf(tx, tenant.id));
}
