import { localTimestamp, relativeTime } from '../../text/relative-time.ts';
import type { ActionRunner } from './action-runner.ts';
import { changeRunner, selectedLabel, targetSlug, wholeNumber } from './change-runners.ts';

export const addDomain: ActionRunner = changeRunner(
  (request) => `Add ${request.values.hostname ?? ''} to ${targetSlug(request)}`,
  (client, request, options) =>
    client.domains.add({ slug: targetSlug(request), hostname: request.values.hostname ?? '', primary: request.values.primary === 'yes' }, options),
  (result) => ({
    message: `Added ${result.domain.displayHostname}${result.domain.isPrimary ? ' (primary)' : ''}`,
    ...(result.domain.verification
      ? { lines: [`Publish TXT ${result.domain.verification.recordName} = ${result.domain.verification.recordValue}, then verify.`] }
      : {}),
  }),
);

export const makePrimary: ActionRunner = changeRunner(
  (request) => `Make ${selectedLabel(request, 'domain')} primary`,
  (client, request, options) => client.domains.setPrimary({ slug: targetSlug(request), hostname: selectedLabel(request, 'domain') }, options),
  (result) => ({ message: `${result.domain.displayHostname} is the primary domain` }),
);

export const createKey: ActionRunner = changeRunner(
  (request) => `Create the API key "${request.values.name ?? ''}" for ${targetSlug(request)}`,
  (client, request, options) => {
    const scopes = (request.values.scopes ?? '').split(/[\s,]+/).filter(Boolean);
    const expiresDays = wholeNumber(request.values.expiresDays, 'expiresDays');
    return client.apiKeys.create(
      { slug: targetSlug(request), name: request.values.name ?? '', scopes, ...(expiresDays !== undefined ? { expiresDays } : {}) },
      options,
    );
  },
  (result) => ({
    message: `Created the API key ${result.apiKey.prefix} (${result.apiKey.scopes.join(' ')})`,
    ...(result.apiKey.key ? { secret: { label: 'API key', value: result.apiKey.key } } : {}),
  }),
);

export const revokeKey: ActionRunner = changeRunner(
  (request) => `Revoke the API key ${selectedLabel(request, 'key')}`,
  (client, request, options) => client.apiKeys.revoke({ slug: targetSlug(request), prefix: selectedLabel(request, 'key') }, options),
  (result) => ({ message: `Revoked the API key ${result.apiKey.prefix}` }),
);

export const verifyDomain: ActionRunner = changeRunner(
  (request) => `Verify ${selectedLabel(request, 'domain')}`,
  (client, request, options) => client.domains.verify({ slug: targetSlug(request), hostname: selectedLabel(request, 'domain') }, options),
  (result) => ({ message: `${result.domain.displayHostname} is ${result.domain.verified ? 'verified' : 'not verified yet'}` }),
);

export const removeDomain: ActionRunner = changeRunner(
  (request) => `Remove ${selectedLabel(request, 'domain')} from ${targetSlug(request)}`,
  (client, request, options) => client.domains.remove({ slug: targetSlug(request), hostname: selectedLabel(request, 'domain') }, options),
  (result) => ({ message: `Removed ${result.domain.displayHostname}` }),
);

/** The new key is shown once; the old one keeps working for the overlap (24 hours by default). */
export const rotateKey: ActionRunner = changeRunner(
  (request) => `Rotate the API key ${selectedLabel(request, 'key')}`,
  (client, request, options) => client.apiKeys.rotate({ slug: targetSlug(request), prefix: selectedLabel(request, 'key') }, options),
  (result) => ({
    message: `Rotated ${result.previous.prefix}: the new key is ${result.apiKey.prefix}`,
    lines: [
      result.previous.expiresAt
        ? `${result.previous.prefix} keeps working until ${localTimestamp(new Date(result.previous.expiresAt))} (${relativeTime(new Date(result.previous.expiresAt))})`
        : `${result.previous.prefix} no longer works`,
    ],
    ...(result.apiKey.key ? { secret: { label: 'API key', value: result.apiKey.key } } : {}),
  }),
);
