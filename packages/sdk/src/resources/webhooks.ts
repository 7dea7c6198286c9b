import {
  addWebhook,
  deliverDue,
  enableWebhook,
  listDeliveries,
  listWebhooks,
  removeWebhook,
  replayEvent,
  testWebhook,
  type AddWebhookInput,
  type ListDeliveriesInput,
  type ReplayEventInput,
  type WebhookEndpointView,
  type WebhookRefInput,
} from '@tenantry/core';
import { toChangeDto } from '../dto/change.ts';
import {
  toAttemptReportDto,
  toDeliveryDto,
  toDeliveryRunDto,
  toWebhookDto,
  type DeliveryDto,
  type DeliveryRunDto,
  type ReplayResultDto,
  type WebhookDto,
  type WebhookResultDto,
  type WebhookTestDto,
} from '../dto/webhooks.ts';
import type { OperationOptions } from '../operation-options.ts';
import type { ClientRuntime } from '../runtime.ts';
import { DeliveryWorker, type DeliverCallOptions, type DeliveryWorkerOptions } from './delivery-worker.ts';

/**
 * Subscriptions to lifecycle events: signed webhooks (Standard Webhooks: `webhook-id`,
 * `webhook-timestamp`, `webhook-signature`), Slack incoming webhooks and email. Deliveries are at least
 * once, in order per tenant, retried with backoff for about a day; an endpoint that keeps failing is
 * disabled (the doctor reports it). Delivery runs in `tenantry serve`, `tenantry events deliver`, or
 * `deliver()` / `startDelivery()` here. Platform operator only. docs/webhooks.md has the details.
 *
 * @example
 * ```ts
 * const { webhook } = await tenantry.webhooks.add({ url: 'https://billing.example.com/hooks/tenantry', events: 'tenant.*,plan.changed' });
 * console.log(webhook.secret); // whsec_..., shown once: the receiver verifies signatures with it
 * const worker = tenantry.webhooks.startDelivery({ onAttempt: (a) => console.log(a.event.type, a.status) });
 * // ... later
 * await worker.stop();
 * ```
 */
export class Webhooks {
  readonly #runtime: ClientRuntime;

  constructor(runtime: ClientRuntime) {
    this.#runtime = runtime;
  }

  /**
   * Subscribes `url` (http(s); a https://hooks.slack.com/ URL is sent Slack messages; `email:ADDRESS`
   * goes through the mailer) to `events` (types and globs: `tenant.*,invitation.*`, `*`), optionally
   * only one `tenant`'s, from the next event on. A webhook without a given `secret` gets a new one,
   * returned once in `webhook.secret`; secrets are stored sealed, never in clear.
   *
   * @throws {@link TenantryError} `FORBIDDEN`, `INVALID_INPUT`, `TENANT_NOT_FOUND`, `PLAN_STALE`; and, like every method, a database code (see `TenantryClient`)
   */
  async add(input: AddWebhookInput, options: OperationOptions = {}): Promise<WebhookResultDto> {
    const executed = await this.#runtime.execute(addWebhook, input, options);
    const applied = executed.value;
    return {
      ...toChangeDto(executed),
      webhook: applied
        ? { ...toWebhookDto(applied.webhook), ...(applied.secret ? { secret: applied.secret } : {}) }
        : toWebhookDto(draftView(executed.data.endpoint, input.tenant)),
    };
  }

  /**
   * Every subscription, oldest first, with its delivery counts and last attempt.
   *
   * @throws {@link TenantryError} `FORBIDDEN`; and, like every method, a database code (see `TenantryClient`)
   */
  async list(): Promise<WebhookDto[]> {
    return this.#runtime.run(async (ctx) => (await listWebhooks(ctx)).map(toWebhookDto));
  }

  /**
   * Removes a subscription with its queued deliveries and their history.
   *
   * @throws {@link TenantryError} `FORBIDDEN`, `INVALID_INPUT`, `WEBHOOK_NOT_FOUND`, `PLAN_STALE`; and, like every method, a database code (see `TenantryClient`)
   */
  async remove(input: WebhookRefInput, options: OperationOptions = {}): Promise<WebhookResultDto> {
    const executed = await this.#runtime.execute(removeWebhook, input, options);
    return { ...toChangeDto(executed), webhook: toWebhookDto(executed.value?.webhook ?? executed.data.view) };
  }

  /**
   * Turns a disabled subscription back on; the delivery that gave up is retried first, then what waited behind it.
   *
   * @throws {@link TenantryError} `FORBIDDEN`, `INVALID_INPUT`, `WEBHOOK_NOT_FOUND`, `PLAN_STALE`; and, like every method, a database code (see `TenantryClient`)
   */
  async enable(input: WebhookRefInput, options: OperationOptions = {}): Promise<WebhookResultDto> {
    const executed = await this.#runtime.execute(enableWebhook, input, options);
    return { ...toChangeDto(executed), webhook: toWebhookDto(executed.value?.webhook ?? executed.data.view) };
  }

  /**
   * Sends a signed `webhook.test` message to a subscription now and answers how it went (status, latency,
   * the response's first bytes). Nothing is queued or recorded.
   *
   * @throws {@link TenantryError} `FORBIDDEN`, `INVALID_INPUT`, `WEBHOOK_NOT_FOUND`; and, like every method, a database code (see `TenantryClient`)
   */
  async test(input: WebhookRefInput): Promise<WebhookTestDto> {
    return this.#runtime.run((ctx) => testWebhook(ctx, input));
  }

  /**
   * Deliveries, newest first, each with every attempt (time, status, latency, the response's first bytes or the error).
   *
   * @throws {@link TenantryError} `FORBIDDEN`, `INVALID_INPUT`, `WEBHOOK_NOT_FOUND`; and, like every method, a database code (see `TenantryClient`)
   */
  async deliveries(filter: ListDeliveriesInput = {}): Promise<DeliveryDto[]> {
    return this.#runtime.run(async (ctx) => (await listDeliveries(ctx, filter)).map(toDeliveryDto));
  }

  /**
   * Queues an event (its id or UUID) again, to one subscription or every enabled one that takes it; it keeps its `webhook-id`.
   *
   * @throws {@link TenantryError} `FORBIDDEN`, `INVALID_INPUT`, `EVENT_NOT_FOUND`, `WEBHOOK_NOT_FOUND`, `PRECONDITION_FAILED` (no subscription takes it), `PLAN_STALE`; and, like every method, a database code (see `TenantryClient`)
   */
  async replay(input: ReplayEventInput, options: OperationOptions = {}): Promise<ReplayResultDto> {
    const executed = await this.#runtime.execute(replayEvent, input, options);
    const event = executed.data.event;
    return {
      ...toChangeDto(executed),
      event: executed.value?.event ?? { id: event.id, eventId: event.event_id, type: event.type },
      queued: executed.value?.queued ?? 0,
    };
  }

  /**
   * Delivers everything due now, round after round, until nothing is due (retries scheduled later stay
   * queued: `nextAttemptAt` says when). Safe to run beside `serve` or another deliverer: each delivery is
   * claimed by one at a time.
   *
   * @throws {@link TenantryError} `FORBIDDEN`; and, like every method, a database code (see `TenantryClient`)
   */
  async deliver(options: DeliverCallOptions = {}): Promise<DeliveryRunDto> {
    const { onAttempt } = options;
    return this.#runtime.run(async (ctx) =>
      toDeliveryRunDto(
        await deliverDue(ctx, {
          ...(options.endpoint ? { endpoint: options.endpoint } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
          ...(onAttempt ? { onAttempt: (report) => onAttempt(toAttemptReportDto(report)) } : {}),
        }),
      ),
    );
  }

  /** Delivers in the background until `stop()`: a run whenever the last one ended `intervalMs` ago (default 1 s). */
  startDelivery(options: DeliveryWorkerOptions = {}): DeliveryWorker {
    return new DeliveryWorker((call) => this.deliver(call), options);
  }
}

/** What a dry run shows of the subscription it would make. */
function draftView(
  endpoint: { id: string; kind: WebhookEndpointView['kind']; target: string; types: string; tenantId: string | null; description: string | null },
  slug: string | undefined,
): WebhookEndpointView {
  return {
    id: endpoint.id,
    kind: endpoint.kind,
    target: endpoint.target,
    events: endpoint.types,
    tenant: endpoint.tenantId !== null && slug !== undefined ? { id: endpoint.tenantId, slug } : null,
    description: endpoint.description,
    status: 'enabled',
    disabledAt: null,
    disabledReason: null,
    createdAt: new Date(),
    createdBy: '',
    deliveries: { pending: 0, delivered: 0, failed: 0 },
    lastAttempt: null,
  };
}
