import { z } from 'zod';
import { hostname } from '../../validation/fields.ts';
import { tenantSlugField } from '../changes/inputs.ts';

export const addDomainInput = z.strictObject({
  slug: tenantSlugField,
  /** Lowercased and IDNA-encoded (bücher.example → xn--bcher-kva.example). */
  hostname,
  /** Make it the primary domain. The first domain of a tenant is primary anyway. */
  primary: z.boolean('must be true or false').default(false),
});
export type AddDomainInput = z.input<typeof addDomainInput>;

export const domainRefInput = z.strictObject({ slug: tenantSlugField, hostname });
export type DomainRefInput = z.input<typeof domainRefInput>;
