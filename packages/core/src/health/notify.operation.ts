import { z } from 'zod';
import type { ServiceContext } from '../context.ts';
import { defineOperation, type OperationContext } from '../operations/operation.ts';
import { slugSchema } from '../modules/tenants/tenant.schemas.ts';
import { deliverDue } from '../modules/webhooks/deliver.ts';
import { insertEndpoint, planEndpoint, type NewEndpoint } from '../modules/webhooks/new-endpoint.ts';
import { displayTarget } from '../modules/webhooks/webhook-endpoints.ts';
import { emailTarget, WEBHOOK_TARGET_MESSAGE } from '../modules/webhooks/webhook.schemas.ts';
import { toDoctorSummary } from './doctor-summary.ts';
import { runDoctor, type DoctorReport } from './doctor.ts';
import { findHealthSubscription } from './notify-subscription.ts';
import { goneFindings, recordNotified, unnotifiedFindings, type GoneFinding } from './notifications.ts';
import { SEVERITIES, type Finding } from './types.ts';

const share = z.number().gt(0).max(1);

export const notifyHealthInput = z.strictObject({
  /** Deliver to this subscription of `health.*` (made when missing): an http(s) URL, a Slack URL or email:ADDRESS. Default: every subscription to health events. */
  url: z
    .string(WEBHOOK_TARGET_MESSAGE)
    .trim()
    .refine((value) => (/^https?:\/\//i.test(value) && URL.canParse(value)) || /^(email|mailto):/i.test(value), WEBHOOK_TARGET_MESSAGE)
    .optional(),
  /** One tenant only: nothing notified before is forgotten. */
  slug: slugSchema.optional(),
  minSeverity: z.enum(SEVERITIES).optional(),
  settings: z
    .strictObject({
      stuckProvisioningMinutes: z.number().int().positive().optional(),
      schemaGuardrail: z.number().int().positive().optional(),
      warnAt: z.strictObject({ users: share.optional(), assets: share.optional(), devices: share.optional(), storage: share.optional() }).optional(),
    })
    .optional(),
  /** Names the database in the events (a face passes where it is connected; no credentials). */
  target: z.strictObject({ kind: z.enum(['embedded', 'server']), location: z.string() }).optional(),
});
export type NotifyHealthInput = z.input<typeof notifyHealthInput>;

export interface NotifyPlan {
  url: string | null;
  /** What may be shown of the URL (its query and a Slack URL's path masked). */
  target: string | null;
  report: DoctorReport;
  /** The findings never notified before: each records a `health.finding_opened` event. */
  pending: Finding[];
  /** Notified before, no longer reported (a run over every tenant only): each records `health.finding_resolved`. */
  gone: GoneFinding[];
  /** The subscription to deliver to, or the one to make for `url`. */
  subscription: { id: string; status: string } | null;
  newSubscription: NewEndpoint | null;
}

export interface Notified {
  url: string | null;
  /** Findings opened (events recorded). */
  sent: number;
  resolved: number;
  subscription: { id: string; created: boolean; secret?: string } | null;
  /** The delivery made right after the commit: the last answer, and the error when it failed (the events stay queued and are retried). */
  status: number | null;
  deliveryError: string | null;
}

/**
 * Runs the doctor and records a `health.finding_opened` event for each finding never notified before
 * and a `health.finding_resolved` for each notified one that is gone, then delivers them at once to the
 * subscription of `url` (made, subscribed to `health.*`, when missing), signed like every delivery. A
 * delivery that fails stays queued and is retried like any other (`events deliver`, `serve`).
 */
export const notifyHealth = defineOperation({
  id: 'health.notify',
  summary: 'Records the health findings opened and resolved since the last run as events and delivers them to a subscription of health.*.',
  scope: 'platform',
  input: notifyHealthInput,
  audit: ['health.notified'],
  async plan(ctx, request) {
    const report = await runDoctor(ctx, {
      ...(request.slug ? { slug: request.slug } : {}),
      ...(request.minSeverity ? { minSeverity: request.minSeverity } : {}),
      ...(request.settings ? { settings: request.settings } : {}),
    });
    const pending = await unnotifiedFindings(ctx.tx, report.findings);
    const gone = request.slug ? [] : await goneFindings(ctx.tx, report.findings);
    const subscription = request.url ? await findHealthSubscription(ctx.tx, request.url) : null;
    const newSubscription = request.url && !subscription ? await planEndpoint(ctx.tx, ctx, { url: request.url, events: 'health.*' }) : null;
    const data: NotifyPlan = {
      url: request.url ?? null,
      target: request.url ? displayUrl(request.url) : null,
      report,
      pending,
      gone,
      subscription,
      newSubscription,
    };
    if (pending.length === 0 && gone.length === 0 && !newSubscription) return { unchanged: true, steps: [], data };
    const where = data.target ?? 'every subscription to health.* events';
    const disabled = subscription?.status === 'disabled';
    const steps = [
      ...(newSubscription ? [newSubscription.step] : []),
      ...(pending.length > 0
        ? [
            {
              action: 'record-events',
              description: `Record ${pending.length} health.finding_opened event(s) and remember them as notified: ${toDoctorSummary(pending)}`,
            },
          ]
        : []),
      ...(gone.length > 0
        ? [
            {
              action: 'record-events',
              description: `Record ${gone.length} health.finding_resolved event(s) for notified findings that are gone, and forget them`,
            },
          ]
        : []),
      ...(pending.length + gone.length > 0
        ? [
            disabled && subscription
              ? {
                  action: 'wait',
                  description: `Queue them for ${where}, whose subscription is disabled: they wait until tenantry webhook enable ${subscription.id}`,
                }
              : { action: 'deliver', description: `Deliver them to ${where} now, signed; a delivery that fails is retried for about a day` },
          ]
        : []),
      { action: 'audit', description: 'Record health.notified in the audit trail' },
    ];
    return {
      steps,
      basis: {
        pending: pending.map((finding) => finding.fingerprint),
        gone: gone.map((finding) => finding.fingerprint),
        subscription: subscription?.id ?? null,
      },
      // The origin only: a webhook's path often holds its secret (hooks.slack.com/services/...).
      audit: {
        targetType: 'webhook',
        targetId: request.url && /^https?:/i.test(request.url) ? new URL(request.url).origin : (request.url ?? 'health.*'),
        after: { opened: pending.length, findings: pending.map((finding) => finding.fingerprint), resolved: gone.length },
      },
      data,
    };
  },
  async apply(ctx, plan, request): Promise<Notified> {
    const { url, pending, gone, subscription, newSubscription } = plan.data;
    const created = newSubscription ? await insertEndpoint(ctx.tx, ctx, newSubscription, undefined) : null;
    for (const finding of pending) ctx.record(openedEntry(finding, request.target));
    for (const finding of gone) ctx.record(resolvedEntry(finding));
    await recordNotified(ctx.tx, pending, gone, ctx.now());
    const id = created?.webhook.id ?? subscription?.id ?? null;
    return {
      url,
      sent: pending.length,
      resolved: gone.length,
      subscription: id === null ? null : { id, created: created !== null, ...(created?.secret ? { secret: created.secret } : {}) },
      status: null,
      deliveryError: null,
    };
  },
  afterCommit: deliverNotified,
});

/**
 * Delivers the events just recorded (and anything due before them) to the subscription, or to every one,
 * and says when they were not delivered: an attempt failed, the subscription is disabled, or they wait
 * behind a delivery whose retry is not due yet.
 */
async function deliverNotified(ctx: ServiceContext, value: Notified): Promise<Notified> {
  if (value.sent + value.resolved === 0) return value;
  let status: number | null = null;
  let failure: string | null = null;
  const endpoint = value.subscription?.id;
  const run = await deliverDue(ctx, {
    ...(endpoint ? { endpoint } : {}),
    onAttempt: (attempt) => {
      status = attempt.outcome.statusCode;
      if (!attempt.outcome.ok) failure = `${attempt.endpoint.target}: ${attempt.outcome.error ?? 'failed'}`;
    },
  });
  if (failure === null && endpoint && run.pending > 0) {
    const [row] = await ctx.em
      .fork()
      .execute<{ status: string; target: string }[]>('select status, target from tenantry.webhook_endpoints where id = ?', [endpoint]);
    failure =
      row?.status === 'disabled'
        ? `${row.target}: the subscription is disabled (tenantry webhook enable ${endpoint})`
        : `${row?.target ?? endpoint}: queued behind a delivery retried at ${run.nextAttemptAt?.toISOString() ?? 'its next attempt'}`;
  }
  return { ...value, status, deliveryError: failure };
}

/** A URL as a plan may show it: its query (and a Slack URL's path) may hold a secret. */
function displayUrl(url: string): string {
  return emailTarget(url) ?? displayTarget(/^https:\/\/hooks\.slack\.com\//i.test(url) ? 'slack' : 'webhook', url);
}

function openedEntry(finding: Finding, database: NotifyHealthInput['target']): Parameters<OperationContext['record']>[0] {
  return {
    action: 'health.finding_opened',
    ...(finding.tenant ? { tenant: { id: finding.tenant.id, slug: finding.tenant.slug } } : {}),
    targetType: 'finding',
    targetId: finding.fingerprint,
    after: {
      code: finding.code,
      severity: finding.severity,
      scope: finding.scope,
      subject: finding.subject,
      message: finding.message,
      remediation: finding.remediation,
      database: database ?? null,
    },
  };
}

function resolvedEntry(finding: GoneFinding): Parameters<OperationContext['record']>[0] {
  return {
    action: 'health.finding_resolved',
    ...(finding.tenant ? { tenant: finding.tenant } : {}),
    targetType: 'finding',
    targetId: finding.fingerprint,
    before: { code: finding.code },
  };
}
