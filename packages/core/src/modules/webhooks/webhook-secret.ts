import { createHmac, randomBytes } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { installationKey } from '../../db/installation-keys.ts';
import { TenantryError } from '../../errors.ts';

const PREFIX = 'whsec_';
const MIN_BYTES = 24;
const MAX_BYTES = 64;

/** A new Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64. */
export function generateSigningSecret(): string {
  return PREFIX + randomBytes(32).toString('base64');
}

/** Checks a secret the operator passes: `whsec_` and base64 of 24 to 64 bytes, as Standard Webhooks libraries expect. */
export function parseSigningSecret(text: string): string {
  const body = text.startsWith(PREFIX) ? text.slice(PREFIX.length) : null;
  const bytes = body !== null && /^[A-Za-z0-9+/]+={0,2}$/.test(body) ? Buffer.from(body, 'base64') : null;
  if (bytes === null || bytes.length < MIN_BYTES || bytes.length > MAX_BYTES) {
    throw TenantryError.invalidInput([
      { path: 'secret', message: `must be whsec_ followed by base64 of ${MIN_BYTES} to ${MAX_BYTES} random bytes (or leave it out: one is made for you)` },
    ]);
  }
  return text;
}

/**
 * The `webhook-signature` header of Standard Webhooks: `v1,` and the base64 HMAC-SHA256, keyed with the
 * secret's bytes, of `id.timestamp.body`.
 */
export function signDelivery(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.slice(PREFIX.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64')}`;
}

/** The installation's webhook key (control-plane migration 0012): seals what an endpoint must keep secret. */
export function installationWebhookKey(em: SqlEntityManager): Promise<Buffer> {
  return installationKey(em, 'webhook');
}
