import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { installationKey } from '../../db/installation-keys.ts';
import { TenantryError } from '../../errors.ts';

/** A key that signs and verifies exports; `id` names it in files and messages without revealing it. */
export interface ExportKey {
  id: string;
  /** Where it came from, for messages: this installation's key, or one the operator passed. */
  source: 'installation' | 'given';
  secret: Buffer;
}

export const EXPORT_KEY_MIN_LENGTH = 32;

/** This installation's export key (control-plane migration 0008 made it). */
export async function installationExportKey(em: SqlEntityManager): Promise<ExportKey> {
  return keyOf(await installationKey(em, 'export'), 'installation');
}

/** A key the operator passes (to move a tenant between installations): at least 32 characters, used as given. */
export function givenExportKey(text: string): ExportKey {
  const trimmed = text.trim();
  if (trimmed.length < EXPORT_KEY_MIN_LENGTH) {
    throw TenantryError.invalidInput([
      { path: 'exportKey', message: `must be at least ${EXPORT_KEY_MIN_LENGTH} characters (such as the output of openssl rand -hex 32)` },
    ]);
  }
  return keyOf(Buffer.from(trimmed, 'utf8'), 'given');
}

/** The key passed, else this installation's. */
export async function exportKeyFor(em: SqlEntityManager, given: string | undefined): Promise<ExportKey> {
  return given === undefined ? installationExportKey(em) : givenExportKey(given);
}

export function signBody(key: ExportKey, body: string): string {
  return createHmac('sha256', key.secret).update(body).digest('hex');
}

export function signatureMatches(key: ExportKey, body: string, signature: string): boolean {
  const expected = Buffer.from(signBody(key, body), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function keyOf(secret: Buffer, source: ExportKey['source']): ExportKey {
  const id = createHash('sha256').update('tenantry export key id\n').update(secret).digest('hex').slice(0, 16);
  return { id, source, secret };
}
