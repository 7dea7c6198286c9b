import { z } from 'zod';
import { EVENT_TYPE_LIST_MESSAGE, isEventTypeList } from '../events/event-catalog.ts';
import { slugSchema } from '../tenants/tenant.schemas.ts';
import { boundedInteger, emailAddress, freeText } from '../../validation/fields.ts';

/** How an endpoint is reached: a signed Standard Webhooks POST, a Slack incoming webhook, or an email through the mailer. */
export const WEBHOOK_KINDS = ['webhook', 'slack', 'email'] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

export const WEBHOOK_TARGET_MESSAGE = 'must be an http:// or https:// URL, or email:ADDRESS (mailto:ADDRESS) for an email subscription';

const uuidField = (what: string) =>
  z
    .string(`must be ${what}`)
    .trim()
    .toLowerCase()
    .pipe(z.uuid(`must be ${what}`));

export const webhookIdField = uuidField('the id of a webhook subscription (tenantry webhook list shows them)');

export const addWebhookInput = z.strictObject({
  /** An http(s) URL, or `email:ADDRESS` / `mailto:ADDRESS`. */
  url: z.string(WEBHOOK_TARGET_MESSAGE).trim().min(1, WEBHOOK_TARGET_MESSAGE).max(2000, 'must be at most 2000 characters'),
  /** Event types and globs, comma-separated: `tenant.*,invitation.*`, `*` for every event. */
  events: z.string(EVENT_TYPE_LIST_MESSAGE).trim().refine(isEventTypeList, EVENT_TYPE_LIST_MESSAGE),
  /** Default: `slack` for https://hooks.slack.com/ URLs, `email` for email: targets, else `webhook`. */
  kind: z.enum(WEBHOOK_KINDS).optional(),
  /** A Standard Webhooks secret (`whsec_…`) to sign with; default: a new one, shown once. */
  secret: z.string('must be a whsec_ secret').trim().optional(),
  /** Only this tenant's events. */
  tenant: slugSchema.optional(),
  description: freeText(200).optional(),
});
export type AddWebhookInput = z.input<typeof addWebhookInput>;

export const webhookRefInput = z.strictObject({ id: webhookIdField });
export type WebhookRefInput = z.input<typeof webhookRefInput>;

export const replayEventInput = z.strictObject({
  /** The event: its cursor id (`1042`) or its public id (a UUID, the `webhook-id` of its deliveries). */
  event: z.union([z.number().int().positive(), z.string().trim().min(1, 'is required')]).transform(String),
  /** Only to this subscription (even if its filter would not match); default: every enabled subscription whose filter matches. */
  endpoint: webhookIdField.optional(),
});
export type ReplayEventInput = z.input<typeof replayEventInput>;

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const listDeliveriesInput = z.strictObject({
  endpoint: webhookIdField.optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  limit: boundedInteger(1, 500).default(50),
});
export type ListDeliveriesInput = z.input<typeof listDeliveriesInput>;

/** An email target: `email:ADDRESS` or `mailto:ADDRESS`. */
export function emailTarget(url: string): string | null {
  const match = /^(?:email|mailto):(.+)$/i.exec(url);
  if (!match) return null;
  const parsed = emailAddress.safeParse(match[1]);
  return parsed.success ? parsed.data : null;
}
