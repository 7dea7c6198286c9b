import { z } from 'zod';
import { boundedInteger } from '../../validation/fields.ts';
import { slugSchema } from '../tenants/tenant.schemas.ts';

export const applyTenantMigrationsInput = z
  .strictObject({
    tenants: z.array(slugSchema).max(100_000).optional(),
    all: z.boolean('must be true or false').default(false),
    concurrency: boundedInteger(1, 64).default(4),
    canary: boundedInteger(0, 10_000).default(0),
    continueOnError: z.boolean('must be true or false').default(false),
    lockTimeoutMs: boundedInteger(1, 600_000).default(5_000),
    /** Record the named tenants' pending migrations as applied without running them (their schema has them already). */
    fake: z.boolean('must be true or false').default(false),
    /** With `fake`: only the pending migrations up to and including this blueprint migration id. */
    to: z.string('must be a migration id').trim().min(1, 'must be a migration id').max(100, 'must be a migration id').optional(),
  })
  .superRefine((input, ctx) => {
    const named = (input.tenants?.length ?? 0) > 0;
    if (!named && !input.all) ctx.addIssue({ code: 'custom', path: ['all'], message: 'pass all (--all) or name tenants (--tenant)' });
    if (named && input.all) ctx.addIssue({ code: 'custom', path: ['all'], message: 'pass either all (--all) or tenants (--tenant), not both' });
    if (input.fake && input.all) {
      ctx.addIssue({
        code: 'custom',
        path: ['fake'],
        message: 'records migrations without running them, so it takes the tenants by name (--tenant), never all',
      });
    }
    if (input.to !== undefined && !input.fake) ctx.addIssue({ code: 'custom', path: ['to'], message: 'is only taken with fake (--fake)' });
  });

export type ApplyTenantMigrationsInput = z.input<typeof applyTenantMigrationsInput>;
export type ApplyTenantMigrationsRequest = z.output<typeof applyTenantMigrationsInput>;
