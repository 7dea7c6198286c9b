import {
  deleteTenant,
  endTrial,
  extendTrial,
  purgeTenant,
  restoreTenant,
  resumeTenant,
  setBilling,
  suspendTenant,
  type DroppedDataSpace,
  type Executed,
  type PurgeCounts,
} from '@tenantry/core';
import { toChangeDto, type ChangeDto } from '../dto/change.ts';

export interface DeletionResultDto extends ChangeDto {
  /** When the grace period ends (delete), null after a restore. */
  deletionScheduledAt: string | null;
}

export interface TrialResultDto extends ChangeDto {
  trialEndsAt: string;
}

export interface BillingResultDto extends ChangeDto {
  /** The end of the period paid for, null when cleared. */
  paidUntil: string | null;
  trialEndsAt: string | null;
}

export function toBillingDto(executed: Executed<{ paidUntil: Date | null; trialEndsAt: Date | null }, unknown>): BillingResultDto {
  return { ...toChangeDto(executed), paidUntil: executed.data.paidUntil?.toISOString() ?? null, trialEndsAt: executed.data.trialEndsAt?.toISOString() ?? null };
}

export interface PurgeResultDto extends ChangeDto {
  /** What was (or, planned, will be) removed. */
  counts: PurgeCounts | null;
  dataSpace: DroppedDataSpace | null;
}

/** The lifecycle operations behind `client.tenants.suspend|resume|extendTrial|delete|restore|purge`, and their DTOs. */
export const LIFECYCLE = { suspendTenant, resumeTenant, extendTrial, endTrial, setBilling, deleteTenant, restoreTenant, purgeTenant };

export function toTrialDto(executed: Executed<{ trialEndsAt: Date }, unknown>): TrialResultDto {
  return { ...toChangeDto(executed), trialEndsAt: executed.data.trialEndsAt.toISOString() };
}

export function toDeletionDto(executed: Executed<{ deletionScheduledAt: Date | null } | { status: string }, unknown>): DeletionResultDto {
  const scheduled = 'deletionScheduledAt' in executed.data ? executed.data.deletionScheduledAt : null;
  return { ...toChangeDto(executed), deletionScheduledAt: scheduled?.toISOString() ?? null };
}

export function toPurgeDto(executed: Executed<{ counts: PurgeCounts | null }, { dataSpace: DroppedDataSpace }>): PurgeResultDto {
  return { ...toChangeDto(executed), counts: executed.data.counts, dataSpace: executed.value?.dataSpace ?? null };
}
