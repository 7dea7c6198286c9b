import type { ChangeDto } from './change.ts';
import type { DoctorReport, Finding, PlanStep, PreflightResult, Severity } from '@tenantry/core';

export type FindingDto = Finding;

export interface DoctorReportDto {
  checkedAt: string;
  tenant: string | null;
  checks: number;
  findings: FindingDto[];
  summary: Record<Severity, number>;
}

export interface PlannedRepairDto {
  finding: FindingDto;
  steps: PlanStep[];
  destructive: boolean;
  /** For a destructive repair: the exact text to confirm with. */
  confirmText: string | null;
  /** The plan's fingerprint: repair with it as `expectFingerprint` to apply exactly this plan. */
  fingerprint: string;
}

export interface RepairOutcomeDto extends PlannedRepairDto {
  /** `applied`; `planned` on a dry run; `unchanged` when the finding was gone. */
  result: 'applied' | 'unchanged' | 'planned';
  /** The finding as the re-check still reports it, or null when the repair fixed it. */
  remaining: FindingDto | null;
}

export type PreflightResultDto = PreflightResult;

/** What a notification posted (or, planned, would post): the URL, the new findings, the webhook's answer, the report. */
export interface NotifyResultDto extends ChangeDto {
  url: string;
  /** The URL as it may be shown: its query and a Slack URL's path masked. */
  target: string;
  /** The findings never notified before: each a `health.finding_opened` event (dry run: what would be recorded). */
  pending: FindingDto[];
  /** Findings opened (events recorded); 0 on a dry run. */
  sent: number;
  /** Notified findings that are gone: each a `health.finding_resolved` event. */
  resolved: number;
  /** The subscription of the URL to `health.*`; `secret` (once) when this run made it. */
  subscription: { id: string; created: boolean; secret?: string } | null;
  /** The receiver's last answer to the delivery made at once; null when nothing was sent or it could not be reached. */
  status: number | null;
  /** Why the delivery made at once failed; the events stay queued and are retried (`events deliver`, `serve`). */
  deliveryError: string | null;
  /** The doctor's report the notification was made from. */
  report: DoctorReportDto;
}

export function toDoctorReportDto(report: DoctorReport): DoctorReportDto {
  const summary: Record<Severity, number> = { error: 0, warn: 0, info: 0 };
  for (const finding of report.findings) summary[finding.severity] += 1;
  return { checkedAt: report.checkedAt.toISOString(), tenant: report.tenant, checks: report.checks, findings: report.findings, summary };
}
