import { z } from 'zod';
import { defineOperation } from '../operations/operation.ts';
import { slugSchema } from '../modules/tenants/tenant.schemas.ts';
import { toDoctorSummary } from './doctor-summary.ts';
import { runDoctor, type DoctorReport } from './doctor.ts';
import { goneFindings, recordNotified, unnotifiedFindings } from './notifications.ts';
import { SEVERITIES, type Finding } from './types.ts';
import { postJson } from './webhook-post.ts';

const share = z.number().gt(0).max(1);

export const notifyHealthInput = z.strictObject({
  url: z.string().refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), 'must be an http:// or https:// URL'),
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
  /** Names the database in the payload (a face passes where it is connected; no credentials). */
  target: z.strictObject({ kind: z.enum(['embedded', 'server']), location: z.string() }).optional(),
});
export type NotifyHealthInput = z.input<typeof notifyHealthInput>;

export interface NotifyPlan {
  url: string;
  report: DoctorReport;
  /** The findings never sent before: what is posted. */
  pending: Finding[];
  /** Notified before, no longer reported (a run over every tenant only): forgotten. */
  gone: string[];
  payload: { source: 'tenantry'; checkedAt: string; target: { kind: string; location: string } | null; findings: Finding[] };
}

export interface Notified {
  url: string;
  sent: number;
  /** The webhook's answer; null when there was nothing to post. */
  status: number | null;
}

/**
 * Runs the doctor and POSTs the findings never sent before to a webhook as JSON, then remembers them.
 * The post happens inside the transaction that records it: a webhook that fails records nothing, so
 * the same findings are sent next run.
 */
export const notifyHealth = defineOperation({
  id: 'health.notify',
  summary: 'Posts the health findings never sent before to a webhook, as JSON, and remembers them.',
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
    const data: NotifyPlan = {
      url: request.url,
      report,
      pending,
      gone,
      payload: { source: 'tenantry', checkedAt: report.checkedAt.toISOString(), target: request.target ?? null, findings: pending },
    };
    const steps = [
      ...(pending.length > 0
        ? [{ action: 'post-webhook', description: `POST ${pending.length} new finding(s) to ${request.url}: ${toDoctorSummary(pending)}` }]
        : []),
      ...(pending.length > 0 ? [{ action: 'remember', description: 'Remember them as notified: they are not posted again while they last' }] : []),
      ...(gone.length > 0
        ? [{ action: 'forget', description: `Forget ${gone.length} notified finding(s) that are gone: they are new again if they come back` }]
        : []),
    ];
    if (steps.length === 0) return { unchanged: true, steps: [], data };
    return {
      steps: [...steps, { action: 'audit', description: 'Record health.notified in the audit trail' }],
      basis: { pending: pending.map((finding) => finding.fingerprint), gone },
      // The origin only: a webhook's path often holds its secret (hooks.slack.com/services/...).
      audit: {
        targetType: 'webhook',
        targetId: new URL(request.url).origin,
        after: { sent: pending.length, findings: pending.map((finding) => finding.fingerprint), forgotten: gone.length },
      },
      data,
    };
  },
  async apply(ctx, plan): Promise<Notified> {
    const { url, pending, gone, payload } = plan.data;
    const status = pending.length > 0 ? await postJson(url, payload) : null;
    await recordNotified(ctx.tx, pending, gone, ctx.now());
    return { url, sent: pending.length, status };
  },
});
