import {
  deleteTenant,
  extendTrial,
  purgeTenant,
  restoreTenant,
  resumeTenant,
  suspendTenant,
  type DeleteTenantInput,
  type DroppedDataSpace,
  type ExtendTrialInput,
  type PurgeCounts,
  type PurgeTenantInput,
  type RestoreTenantInput,
  type ResumeTenantInput,
  type SuspendTenantInput,
} from '@tenantry/core';
import { toChangeDto, type ChangeDto } from '../dto/change.ts';
import type { ClientRuntime } from '../runtime.ts';
import type { OperationOptions } from './tenants.ts';

export interface DeletionResultDto extends ChangeDto {
  /** When the grace period ends (delete), null after a restore. */
  deletionScheduledAt: string | null;
}

export interface TrialResultDto extends ChangeDto {
  trialEndsAt: string;
}

export interface PurgeResultDto extends ChangeDto {
  /** What was (or, planned, will be) removed. */
  counts: PurgeCounts | null;
  dataSpace: DroppedDataSpace | null;
}

/** The lifecycle operations behind `client.tenants.suspend|resume|extendTrial|delete|restore|purge`. */
export const lifecycle = {
  suspend: (runtime: ClientRuntime, input: SuspendTenantInput, options: OperationOptions): Promise<ChangeDto> =>
    runtime.run(async (ctx) => toChangeDto(await suspendTenant(ctx, input, options))),
  resume: (runtime: ClientRuntime, input: ResumeTenantInput, options: OperationOptions): Promise<ChangeDto> =>
    runtime.run(async (ctx) => toChangeDto(await resumeTenant(ctx, input, options))),
  extendTrial: (runtime: ClientRuntime, input: ExtendTrialInput, options: OperationOptions): Promise<TrialResultDto> =>
    runtime.run(async (ctx) => {
      const outcome = await extendTrial(ctx, input, options);
      return { ...toChangeDto(outcome), trialEndsAt: outcome.trialEndsAt.toISOString() };
    }),
  delete: (runtime: ClientRuntime, input: DeleteTenantInput, options: OperationOptions): Promise<DeletionResultDto> =>
    runtime.run(async (ctx) => {
      const outcome = await deleteTenant(ctx, input, options);
      return { ...toChangeDto(outcome), deletionScheduledAt: outcome.deletionScheduledAt?.toISOString() ?? null };
    }),
  restore: (runtime: ClientRuntime, input: RestoreTenantInput, options: OperationOptions): Promise<DeletionResultDto> =>
    runtime.run(async (ctx) => {
      const outcome = await restoreTenant(ctx, input, options);
      return { ...toChangeDto(outcome), deletionScheduledAt: null };
    }),
  purge: (runtime: ClientRuntime, input: PurgeTenantInput, options: OperationOptions): Promise<PurgeResultDto> =>
    runtime.run(async (ctx) => {
      const outcome = await purgeTenant(ctx, input, options);
      return { ...toChangeDto(outcome), counts: outcome.counts, dataSpace: outcome.dataSpace };
    }),
};
