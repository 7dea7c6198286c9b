import { z } from 'zod';
import { emailAddress } from '../../validation/fields.ts';
import { tenantSlugField } from '../changes/inputs.ts';
import { ROLES } from './roles.ts';

export const roleChangeInput = z.strictObject({
  slug: tenantSlugField,
  email: emailAddress,
  role: z.enum(ROLES, { error: `must be one of: ${ROLES.join(', ')}` }),
});
export type RoleChangeInput = z.input<typeof roleChangeInput>;
