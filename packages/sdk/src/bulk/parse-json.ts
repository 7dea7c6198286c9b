import { TenantryError } from '@tenantry/core';
import { canonicalFeature, fieldFor } from './field-names.ts';
import type { ParsedBulkFile } from './parsed-bulk-file.ts';

interface SeedEntry {
  tenant?: Record<string, unknown>;
  users?: { email?: unknown; role?: unknown; roles?: unknown }[];
  features?: Record<string, unknown>;
  settings?: Record<string, unknown>;
}

/**
 * A JSON bulk file in the seeds' format: an array of `{ tenant, users, features, settings }`. The first
 * user with role owner owns the tenant (unless the tenant names an owner); the other users are invited
 * with their role. `settings.timezone` sets the tenant's time zone. A plain `tenant create` input per
 * entry (`{ name, ownerEmail, ... }`) is accepted too.
 */
export function parseJson(text: string): ParsedBulkFile {
  let entries: unknown;
  try {
    entries = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw TenantryError.invalidInput([{ path: 'file', message: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}` }]);
  }
  if (!Array.isArray(entries)) throw TenantryError.invalidInput([{ path: 'file', message: 'must be a JSON array with one entry per tenant' }]);
  return { format: 'json', rows: entries.map((entry, index) => ({ row: index + 1, input: toInput(entry) })) };
}

function toInput(entry: unknown): unknown {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return entry;
  const seed = entry as SeedEntry;
  if (!('tenant' in seed)) return renameKeys(entry as Record<string, unknown>);
  const input = renameKeys(seed.tenant ?? {});
  const users = Array.isArray(seed.users) ? seed.users : [];
  const owner = users.find((user) => roleOf(user) === 'owner');
  if (input.ownerEmail === undefined && typeof owner?.email === 'string') input.ownerEmail = owner.email;
  const ownerEmail = typeof input.ownerEmail === 'string' ? input.ownerEmail.toLowerCase() : undefined;
  const invitations = users
    .filter((user) => !(typeof user.email === 'string' && user.email.toLowerCase() === ownerEmail))
    .map((user) => ({ email: user.email, ...(roleOf(user) ? { role: roleOf(user) } : {}) }));
  if (invitations.length > 0) input.invitations = invitations;
  if (seed.features && typeof seed.features === 'object') {
    input.features = { ...(input.features as object), ...Object.fromEntries(Object.entries(seed.features).map(([name, on]) => [canonicalFeature(name), on])) };
  }
  if (seed.settings && typeof seed.settings === 'object') {
    const { timezone, ...settings } = seed.settings;
    if (typeof timezone === 'string' && input.timeZone === undefined) input.timeZone = timezone;
    input.settings = settings; // in the one spelling once core validates the row (notifications.in_app is inApp)
  }
  return input;
}

function roleOf(user: { role?: unknown; roles?: unknown }): string | undefined {
  const role = typeof user.role === 'string' ? user.role : Array.isArray(user.roles) && typeof user.roles[0] === 'string' ? user.roles[0] : undefined;
  return role?.toLowerCase();
}

/** Known names become the SDK's field names; unknown keys stay as they are, so validation names them. */
function renameKeys(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [fieldFor(key) ?? key, value]));
}
