import { plural } from '../../text/plural.ts';
import type { ActionRunner } from './action-runner.ts';
import { changeRunner, optionalText, selectedId, selectedLabel, wholeNumber } from './change-runners.ts';

/** The title leaves the URL out: the plan's step names it masked (a Slack URL's path is its credential). */
export const addWebhook: ActionRunner = changeRunner(
  (request) => `Subscribe a URL to ${request.values.events ?? ''}`,
  (client, request, options) => {
    const tenant = optionalText(request.values.tenant);
    const description = optionalText(request.values.description);
    return client.webhooks.add(
      { url: request.values.url?.trim() ?? '', events: request.values.events ?? '', ...(tenant ? { tenant } : {}), ...(description ? { description } : {}) },
      options,
    );
  },
  (result) => ({
    message: `Subscribed ${result.webhook.target} (${result.webhook.kind}) to ${result.webhook.events}`,
    lines: [`Id ${result.webhook.id}; events from now on are delivered, older ones with replay (r on an event).`],
    ...(result.webhook.secret ? { secret: { label: 'Signing secret', value: result.webhook.secret } } : {}),
  }),
);

export const enableWebhook: ActionRunner = changeRunner(
  (request) => `Enable the webhook ${selectedLabel(request, 'webhook')}`,
  (client, request, options) => client.webhooks.enable({ id: selectedId(request, 'webhook') }, options),
  (result) => ({ message: `${result.webhook.target} is enabled: deliveries start again` }),
);

export const removeWebhook: ActionRunner = changeRunner(
  (request) => `Remove the webhook ${selectedLabel(request, 'webhook')}`,
  (client, request, options) => client.webhooks.remove({ id: selectedId(request, 'webhook') }, options),
  (result) => ({ message: `Removed the webhook ${result.webhook.target}` }),
);

/** Replays the selected event to every enabled subscription whose filter matches it. */
export const replayEvent: ActionRunner = changeRunner(
  (request) => `Replay the event ${selectedLabel(request, 'event')}`,
  (client, request, options) => client.webhooks.replay({ event: selectedId(request, 'event') }, options),
  (result) => ({ message: `Queued ${result.event.type} again: ${plural(result.queued, 'delivery', 'deliveries')}` }),
);

export const createToken: ActionRunner = changeRunner(
  (request) => `Create the service token "${request.values.name ?? ''}"`,
  (client, request, options) =>
    client.tokens.create({ name: request.values.name ?? '', expiresDays: wholeNumber(request.values.expiresDays, 'expiresDays') ?? null }, options),
  (result) => ({
    message: `Created the service token ${result.serviceToken.prefix} (${result.serviceToken.name})`,
    ...(result.serviceToken.token ? { secret: { label: 'Service token', value: result.serviceToken.token } } : {}),
  }),
);

export const revokeToken: ActionRunner = changeRunner(
  (request) => `Revoke the service token ${selectedLabel(request, 'token')}`,
  (client, request, options) => client.tokens.revoke({ prefix: selectedLabel(request, 'token') }, options),
  (result) => ({ message: `Revoked the service token ${result.serviceToken.prefix}` }),
);
