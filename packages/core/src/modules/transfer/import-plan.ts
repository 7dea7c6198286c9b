import { randomBytes } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { TenantryError } from '../../errors.ts';
import { uuidv7 } from '../../db/ids.ts';
import { migrationChecksum, type Blueprint } from '../../isolation/blueprint.ts';
import { schemaNameFor } from '../../isolation/schema-name.ts';
import type { PlanStep } from '../../plan.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { domainKind } from '../domains/domain-rules.ts';
import { slugSchema } from '../tenants/tenant.schemas.ts';
import type { TenantExport } from './export-document.ts';
import { mismatch } from './load-rows.ts';

export interface ImportPlan {
  fromSlug: string;
  slug: string;
  tenantId: string;
  renamed: boolean;
  schemaName: string | null;
  /** The tenant's purge tombstone is replaced by the restored tenant. */
  replacesTombstone: boolean;
  /** Old id → new id, applied to every row (tenant, control-plane rows when renamed, users linked by email). */
  ids: Map<string, string>;
  /** Control-plane rows to insert, in order, already rewritten. */
  control: { table: string; json: string }[];
  usersLinked: string[];
  usersCreated: string[];
  skippedDomains: { hostname: string; reason: string }[];
  /** Renamed copies leave out API keys and invitations (their hashes must identify one tenant). */
  skippedCredentials: { table: string; rows: number }[];
  /** Blueprint migrations the data had when exported (run before loading it), and those run after. */
  migrationsBefore: string[];
  migrationsAfter: string[];
  steps: PlanStep[];
}

/** Rows holding credential hashes stay with the tenant they were issued for: a copy under a new slug gets none. */
const CREDENTIAL_TABLES = new Set(['api_keys', 'invitations']);

const UUID = /"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"/g;

/** Replaces every quoted uuid that is a key of `ids` (values, array items and nested values alike). */
export function remap(json: string, ids: ReadonlyMap<string, string>): string {
  return ids.size === 0 ? json : json.replace(UUID, (whole, id: string) => (ids.has(id) ? `"${ids.get(id)}"` : whole));
}

/** Reads what exists and decides how the export goes in: ids, users to link, domains, migrations. */
export async function planImport(
  em: SqlEntityManager,
  blueprint: Blueprint,
  document: TenantExport,
  requestedSlug: string | undefined,
  baseDomain: string | undefined,
): Promise<ImportPlan> {
  const { header } = document;
  const slug = requestedSlug === undefined ? header.tenant.slug : parseInput(slugSchema, requestedSlug);
  const renamed = slug !== header.tenant.slug;
  const mode = header.tenant.isolation;
  const known = new Map(blueprint.migrations.map((migration) => [migration.id, migrationChecksum(migration, mode)]));
  const off = header.blueprint.migrations.filter((migration) => known.get(migration.id) !== migration.checksum).map((migration) => migration.id);
  if (off.length > 0) throw mismatch(`its tenant migrations ${off.join(', ')} are unknown to blueprint ${blueprint.name} or were applied with other SQL`);
  const exported = new Set(header.blueprint.migrations.map((migration) => migration.id));

  const found = await em.execute<{ id: string; slug: string; status: string }[]>('select id, slug, status from tenantry.tenants where slug = ? or id = ?', [
    slug,
    header.tenant.id,
  ]);
  // A copy under a new slug gets new ids: only its slug can be taken.
  const taken = renamed ? found.filter((row) => row.slug === slug) : found;
  // The tombstone a purge left of this very tenant is replaced: restoring its export is not reusing the slug.
  const tombstone = !renamed && taken.length === 1 && taken[0]?.id === header.tenant.id && taken[0].slug === slug && taken[0].status === 'deleted';
  if (taken.length > 0 && !tombstone) {
    if (renamed || taken.some((row) => row.id !== header.tenant.id)) throw TenantryError.slugTaken(slug);
    throw new TenantryError('CONFLICT', {
      message: `Tenant ${slug} (id ${header.tenant.id}) still exists here.`,
      details: { slug },
      hint: 'Import a copy under a new slug with --slug, or purge the tenant first.',
    });
  }
  const schemaName = mode === 'schema' ? schemaNameFor(slug) : null;
  if (schemaName) {
    const [schema] = await em.execute<{ present: boolean }[]>('select to_regnamespace(?) is not null as present', [schemaName]);
    if (schema?.present)
      throw new TenantryError('CONFLICT', {
        message: `The schema ${schemaName} already exists here.`,
        details: { schema: schemaName },
        hint: 'Drop it after checking what is in it, or import under another slug.',
      });
  }

  const ids = new Map<string, string>();
  const tenantId = renamed ? uuidv7() : header.tenant.id;
  if (renamed) ids.set(header.tenant.id, tenantId);
  const exportedControl = document.rows.filter((row) => row.section === 'control');
  const controlRows = renamed ? exportedControl.filter((row) => !CREDENTIAL_TABLES.has(row.table)) : exportedControl;
  const skippedCredentials = [...CREDENTIAL_TABLES]
    .map((table) => ({ table, rows: exportedControl.length - controlRows.length === 0 ? 0 : exportedControl.filter((row) => row.table === table).length }))
    .filter((entry) => entry.rows > 0);
  if (renamed) {
    for (const row of controlRows) {
      if (row.table === 'tenants' || row.table === 'users') continue;
      const id = (JSON.parse(row.json) as { id?: unknown }).id;
      if (typeof id === 'string') ids.set(id, uuidv7());
    }
  }
  const users = controlRows.filter((row) => row.table === 'users').map((row) => JSON.parse(row.json) as { id: string; email: string });
  const existing =
    users.length === 0
      ? []
      : await em.execute<{ id: string; email: string }[]>('select id, lower(email) as email from tenantry.users where lower(email) in (?) or id in (?)', [
          users.map((user) => user.email.toLowerCase()),
          users.map((user) => user.id),
        ]);
  const byEmail = new Map(existing.map((user) => [user.email, user.id]));
  const takenIds = new Set(existing.map((user) => user.id));
  const linked = new Set<string>();
  for (const user of users) {
    const match = byEmail.get(user.email.toLowerCase());
    if (match) {
      linked.add(user.id);
      if (match !== user.id) ids.set(user.id, match);
    } else if (takenIds.has(user.id)) ids.set(user.id, uuidv7());
  }

  const { rows: domainRows, skipped } = await rewriteDomains(em, controlRows, { fromSlug: header.tenant.slug, slug, renamed, baseDomain });
  const control = controlRows.flatMap((row) => {
    if (row.table === 'users' && linked.has((JSON.parse(row.json) as { id: string }).id)) return [];
    if (row.table === 'domains') return [];
    const json = row.table === 'tenants' ? reviveTenant(row.json, slug, schemaName) : row.json;
    return [{ table: row.table, json: remap(json, ids) }];
  });
  const domainsAt = control.findIndex((row) => !['tenants', 'users'].includes(row.table));
  control.splice(domainsAt < 0 ? control.length : domainsAt, 0, ...domainRows.map((json) => ({ table: 'domains', json: remap(json, ids) })));

  const before = blueprint.migrations.filter((migration) => exported.has(migration.id)).map((migration) => migration.id);
  const after = blueprint.migrations.filter((migration) => !exported.has(migration.id)).map((migration) => migration.id);
  const dataRows = document.rows.filter((row) => row.section === 'data').length;
  const steps: PlanStep[] = [
    {
      action: 'create-tenant',
      description: `${tombstone ? 'Replace the purge tombstone of' : 'Create'} tenant ${slug}${renamed ? ` (exported as ${header.tenant.slug}; new ids)` : ' with its exported id'}, ${mode} isolation`,
    },
    {
      action: 'users',
      description: `Create ${users.length - linked.size} user(s) with their password hashes; link ${linked.size} existing user(s) by email (their passwords unchanged)`,
    },
    {
      action: 'control-plane',
      description:
        `Insert ${control.length} control-plane row(s): memberships, roles, domains, invitations, API keys` +
        (skipped.length ? `; leave out domain(s) ${skipped.map((d) => `${d.hostname} (${d.reason})`).join(', ')}` : '') +
        (skippedCredentials.length
          ? `; leave out ${skippedCredentials.map((c) => `${c.rows} ${c.table}`).join(', ')} (credentials stay with the original tenant)`
          : ''),
    },
    {
      action: 'data-space',
      description: `${schemaName ? `Create schema ${schemaName}, run ${before.length} migration(s) the export had` : 'Bring the shared tables up to date'}, load ${dataRows} data row(s)${after.length ? `, then run ${after.join(', ')}` : ''}`,
    },
    { action: 'audit', description: 'Record the import in the audit trail' },
  ];
  return {
    fromSlug: header.tenant.slug,
    slug,
    tenantId,
    renamed,
    replacesTombstone: tombstone,
    schemaName,
    ids,
    control,
    usersLinked: [...linked],
    usersCreated: users.filter((u) => !linked.has(u.id)).map((u) => u.email),
    skippedDomains: skipped,
    skippedCredentials,
    migrationsBefore: before,
    migrationsAfter: after,
    steps,
  };
}

/** The tenant comes back active (unless it was suspended), under its new slug and schema. */
function reviveTenant(json: string, slug: string, schemaName: string | null): string {
  const row = JSON.parse(json) as Record<string, unknown>;
  row.slug = slug;
  row.schema_name = schemaName;
  if (row.status === 'pending_deletion' || row.status === 'deleted') {
    row.status = typeof row.status_before_deletion === 'string' ? row.status_before_deletion : 'active';
    for (const key of ['deletion_scheduled_at', 'deletion_requested_at', 'status_before_deletion', 'purged_at']) if (key in row) row[key] = null;
  }
  return JSON.stringify(row);
}

interface DomainRow {
  hostname: string;
  kind: 'subdomain' | 'custom';
  is_primary: boolean;
  verified_at: string | null;
  verification_token: string | null;
}

/**
 * Domains go in by the rule every path applies (`domainKind`): renamed, the tenant's `<old slug>.<base>`
 * follows the slug; names it may not claim here (another tenant's platform name, a consumer mail
 * domain) and names taken by another tenant are left out, saying why; a subdomain of another base
 * domain comes in as an unverified custom domain; only a verified domain is primary.
 */
async function rewriteDomains(
  em: SqlEntityManager,
  rows: { table: string; json: string }[],
  names: { fromSlug: string; slug: string; renamed: boolean; baseDomain: string | undefined },
) {
  const { fromSlug, slug, renamed, baseDomain } = names;
  const domains = rows.filter((row) => row.table === 'domains').map((row) => JSON.parse(row.json) as DomainRow);
  if (renamed)
    for (const domain of domains)
      if (domain.hostname.startsWith(`${fromSlug}.`) && (!baseDomain || domain.hostname === `${fromSlug}.${baseDomain}`))
        domain.hostname = `${slug}.${domain.hostname.slice(fromSlug.length + 1)}`;
  const skipped: { hostname: string; reason: string }[] = [];
  const claimable = domains.filter((domain) => {
    try {
      const kind = baseDomain
        ? domainKind(domain.hostname, slug, baseDomain)
        : domain.kind === 'custom'
          ? domainKind(domain.hostname, slug, undefined)
          : 'subdomain';
      if (kind === 'custom' && domain.kind === 'subdomain')
        Object.assign(domain, { kind, verified_at: null, verification_token: `tenantry-verify=${randomBytes(16).toString('hex')}` });
      return true;
    } catch (error) {
      const issue = error instanceof TenantryError ? (error.details.issues as { message: string }[] | undefined)?.[0]?.message : undefined;
      skipped.push({ hostname: domain.hostname, reason: issue ?? 'not claimable here' });
      return false;
    }
  });
  const takenRows =
    claimable.length === 0
      ? []
      : await em.execute<{ hostname: string }[]>('select hostname from tenantry.domains where hostname in (?)', [claimable.map((d) => d.hostname)]);
  const taken = new Set(takenRows.map((row) => row.hostname));
  if (taken.size > 0 && !renamed) throw TenantryError.hostnameTaken([...taken][0] as string);
  const kept = claimable.filter((domain) => !taken.has(domain.hostname));
  for (const domain of kept) if (domain.is_primary && domain.kind === 'custom' && !domain.verified_at) domain.is_primary = false;
  const verified = kept.find((domain) => domain.verified_at !== null);
  if (verified && !kept.some((domain) => domain.is_primary)) verified.is_primary = true;
  skipped.push(...[...taken].map((hostname) => ({ hostname, reason: 'taken by another tenant here' })));
  return { rows: kept.map((domain) => JSON.stringify(domain)), skipped };
}
