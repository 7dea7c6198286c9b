import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import { TenantryError } from '../../errors.ts';
import { missingSharedBodies } from '../../isolation/blueprint.ts';
import { IsolationErrors } from '../../isolation/isolation-errors.ts';
import { blueprintOf } from '../../isolation/sample-blueprint.ts';
import { tenantSchemaName } from '../../isolation/schema-name.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { plannedDomains, provisionFingerprint, settleRequest, type SettledProvisionRequest } from '../tenants/provision-request.ts';
import { bulkRowInput, type BulkInvitation } from './bulk-row.schemas.ts';

export interface BulkRowSource {
  /** 1-based position among the data rows. */
  row: number;
  /** The file line the row starts on (CSV), when known. */
  line?: number;
  input: unknown;
}

export type CheckedRow =
  | { source: BulkRowSource; status: 'create' | 'unchanged'; request: SettledProvisionRequest; invitations: BulkInvitation[] }
  | { source: BulkRowSource; status: 'invalid'; error: TenantryError; slug: string | null; name: string | null };

/**
 * Validates every row before anything is written: each on its own (every field at once), against the
 * other rows of the file (a slug, owner or hostname used twice), and against the database with a few
 * set-based queries (taken slugs and hostnames, existing owners, leftover schemas). Writes nothing.
 */
export async function checkRows(ctx: ServiceContext, em: SqlEntityManager, sources: readonly BulkRowSource[]): Promise<CheckedRow[]> {
  const settled = sources.map((source): CheckedRow => {
    try {
      const { invitations = [], ...request } = settleRequest(parseInput(bulkRowInput, source.input));
      plannedDomains(request, ctx.settings.baseDomain); // refuses a domain the tenant may not claim
      return { source, status: 'create', request, invitations };
    } catch (error) {
      const raw = (source.input ?? {}) as { slug?: unknown; name?: unknown };
      return {
        source,
        status: 'invalid',
        error: asTenantryError(error),
        slug: typeof raw.slug === 'string' ? raw.slug : null,
        name: typeof raw.name === 'string' ? raw.name : null,
      };
    }
  });
  const valid = settled.filter((row) => row.status !== 'invalid');
  const domainsOf = (request: SettledProvisionRequest) => plannedDomains(request, ctx.settings.baseDomain).map((domain) => domain.hostname);
  const list = <T>(values: T[]) => (values.length > 0 ? values : ['']);
  const schemaOf = (request: SettledProvisionRequest) => (request.isolation === 'schema' ? tenantSchemaName(request) : null);
  const schemaNames = list(valid.flatMap((row) => schemaOf(row.request) ?? []));
  const [tenants, users, hosts, schemas, owners] = await Promise.all([
    em.execute<{ slug: string; provision_fingerprint: string }[]>('select slug, provision_fingerprint from tenantry.tenants where slug in (?)', [
      list(valid.map((row) => row.request.slug)),
    ]),
    em.execute<{ email: string }[]>('select lower(email) as email from tenantry.users where lower(email) in (?)', [
      list(valid.map((row) => row.request.ownerEmail)),
    ]),
    em.execute<{ hostname: string }[]>('select hostname from tenantry.domains where hostname in (?)', [list(valid.flatMap((row) => domainsOf(row.request)))]),
    em.execute<{ nspname: string }[]>('select nspname from pg_namespace where nspname in (?)', [schemaNames]),
    em.execute<{ schema_name: string; slug: string; purged: boolean }[]>(
      `select schema_name, slug, status = 'deleted' as purged from tenantry.tenants where schema_name in (?)`,
      [schemaNames],
    ),
  ]);
  const fingerprints = new Map(tenants.map((row) => [row.slug, row.provision_fingerprint]));
  const knownUsers = new Set(users.map((row) => row.email));
  const takenHosts = new Set(hosts.map((row) => row.hostname));
  const takenSchemas = new Set(schemas.map((row) => row.nspname));
  const schemaOwners = new Map(owners.map((row) => [row.schema_name, row]));
  const slugRows = new Map<string, number>();
  const schemaRows = new Map<string, number>();
  const noShared = missingSharedBodies(blueprintOf(ctx));

  return settled.map((row) => {
    if (row.status === 'invalid') return row;
    const { request, source } = row;
    const fail = (error: TenantryError): CheckedRow => ({ source, status: 'invalid', error, slug: request.slug, name: request.name });
    const earlier = slugRows.get(request.slug);
    if (earlier !== undefined) return fail(TenantryError.invalidInput([{ path: 'slug', message: `"${request.slug}" is also the slug of row ${earlier}` }]));
    slugRows.set(request.slug, source.row);
    const fingerprint = fingerprints.get(request.slug);
    if (fingerprint !== undefined)
      return fingerprint === provisionFingerprint(request) ? { ...row, status: 'unchanged' } : fail(TenantryError.slugTaken(request.slug));
    if (knownUsers.has(request.ownerEmail) && !request.allowExistingUser) return fail(TenantryError.emailTaken(request.ownerEmail));
    if (knownUsers.has(request.ownerEmail) && request.ownerPassword !== undefined) {
      return fail(
        TenantryError.invalidInput([
          { path: 'ownerPassword', message: `${request.ownerEmail} already has an account whose password provisioning does not change; leave it out` },
        ]),
      );
    }
    const taken = domainsOf(request).find((hostname) => takenHosts.has(hostname));
    if (taken) return fail(TenantryError.hostnameTaken(taken));
    const schema = schemaOf(request);
    if (schema) {
      const problem = schemaProblem(schema, request.adoptSchema === true, takenSchemas.has(schema), schemaOwners.get(schema), schemaRows.get(schema));
      if (problem) return fail(problem);
      schemaRows.set(schema, source.row);
    }
    if (request.isolation === 'shared' && noShared.length > 0) return fail(IsolationErrors.noSharedBody(noShared));
    // Later rows see what this one will create.
    knownUsers.add(request.ownerEmail);
    for (const hostname of domainsOf(request)) takenHosts.add(hostname);
    return row;
  });
}

/** Why a row's schema cannot be its data space: another row's or tenant's, there already (unless adopted), or missing (adopted). */
function schemaProblem(
  schema: string,
  adopting: boolean,
  exists: boolean,
  owner: { slug: string; purged: boolean } | undefined,
  earlierRow: number | undefined,
): TenantryError | undefined {
  if (earlierRow !== undefined) return TenantryError.invalidInput([{ path: 'schemaName', message: `${schema} is also the schema of row ${earlierRow}` }]);
  if (owner) return IsolationErrors.schemaTaken(schema, owner);
  if (exists && !adopting) return IsolationErrors.schemaExists(schema);
  if (!exists && adopting) return IsolationErrors.schemaNotFound(schema);
  return undefined;
}

function asTenantryError(error: unknown): TenantryError {
  return error instanceof TenantryError ? error : TenantryError.internal(error);
}
