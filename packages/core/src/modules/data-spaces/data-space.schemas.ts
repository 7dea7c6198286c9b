import { z } from 'zod';
import { tenantSlugField } from '../changes/inputs.ts';

export const seedDemoInput = z.strictObject({
  slug: tenantSlugField,
  /**
   * Seed even though the tenant's tables already hold rows: the demo rows are added alongside them,
   * nothing is deleted or replaced (a demo row colliding with one of them refuses it all).
   */
  addToExisting: z.boolean('must be true or false').default(false),
});
export type SeedDemoInput = z.input<typeof seedDemoInput>;
