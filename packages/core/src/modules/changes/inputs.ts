import { z } from 'zod';

/** The slug naming an existing tenant (its rules were checked when it was created). */
export const tenantSlugField = z.string('must be a tenant slug').trim().min(1, 'is required').max(63, 'must be at most 63 characters');

/** Options every change takes. */
export interface ChangeOptions {
  /** Return the plan and write nothing. */
  dryRun?: boolean;
}
