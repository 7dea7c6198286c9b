import type { AttemptOutcome, AttemptReport, DeliveryRun, DeliveryView, WebhookEndpointView } from '@tenantry/core';
import type { ChangeDto } from './change.ts';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** A subscription, JSON-safe; never its secret (a Slack URL shows only its start). */
export type WebhookDto = Omit<WebhookEndpointView, 'disabledAt' | 'createdAt' | 'lastAttempt'> & {
  disabledAt: string | null;
  createdAt: string;
  lastAttempt: { at: string; statusCode: number | null; error: string | null } | null;
};

export interface WebhookResultDto extends ChangeDto {
  /** `secret` only when a webhook was added without one: the `whsec_` signing secret, shown once. */
  webhook: WebhookDto & { secret?: string };
}

export type DeliveryDto = Omit<DeliveryView, 'attempts' | 'nextAttemptAt' | 'deliveredAt' | 'createdAt'> & {
  attempts: (Omit<DeliveryView['attempts'][number], 'at'> & { at: string })[];
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
};

export type DeliveryRunDto = Omit<DeliveryRun, 'nextAttemptAt'> & { nextAttemptAt: string | null };

export type AttemptReportDto = Omit<AttemptReport, 'nextAttemptAt'> & { nextAttemptAt: string | null };

export interface WebhookTestDto {
  endpoint: { id: string; target: string };
  /** The `webhook-id` of the test message. */
  messageId: string;
  outcome: AttemptOutcome;
}

export interface ReplayResultDto extends ChangeDto {
  event: { id: string; eventId: string; type: string };
  /** Deliveries queued: one per subscription. */
  queued: number;
}

export function toWebhookDto(view: WebhookEndpointView): WebhookDto {
  return {
    ...view,
    disabledAt: iso(view.disabledAt),
    createdAt: view.createdAt.toISOString(),
    lastAttempt: view.lastAttempt ? { ...view.lastAttempt, at: view.lastAttempt.at.toISOString() } : null,
  };
}

export function toDeliveryDto(view: DeliveryView): DeliveryDto {
  return {
    ...view,
    attempts: view.attempts.map((attempt) => ({ ...attempt, at: attempt.at.toISOString() })),
    nextAttemptAt: iso(view.nextAttemptAt),
    deliveredAt: iso(view.deliveredAt),
    createdAt: view.createdAt.toISOString(),
  };
}

export function toDeliveryRunDto(run: DeliveryRun): DeliveryRunDto {
  return { ...run, nextAttemptAt: iso(run.nextAttemptAt) };
}

export function toAttemptReportDto(report: AttemptReport): AttemptReportDto {
  return { ...report, nextAttemptAt: iso(report.nextAttemptAt) };
}
