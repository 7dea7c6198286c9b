import { hashOf } from '../../lib/canonical-json.ts';
import { TenantryError, type InputIssue } from '../../errors.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { normalizeHostname } from '../../validation/fields.ts';
import { domainKind } from '../domains/domain-rules.ts';
import { chosenSchemaNameProblem } from '../../isolation/schema-name.ts';
import { slugFromName, slugProblem } from './slug.ts';
import { provisionTenantInput, type ProvisionTenantRequest } from './tenant.schemas.ts';

/** A validated provisioning request with its slug settled; bulk rows may also carry the tenant's settings. */
export type SettledProvisionRequest = ProvisionTenantRequest & { slug: string; settings?: Record<string, unknown> };

/** Validates the input field by field (all problems at once) and derives the slug when absent. */
export function settleProvisionRequest(input: unknown): SettledProvisionRequest {
  return settleRequest(parseInput(provisionTenantInput, input));
}

/**
 * Derives the slug from the name when absent, refusing one that would be invalid, and checks the fields
 * that depend on others (a chosen schema only in schema mode, adoption only of a named schema).
 */
export function settleRequest<Request extends ProvisionTenantRequest>(request: Request): Request & { slug: string } {
  const slug = request.slug ?? slugFromName(request.name);
  const problem = slugProblem(slug);
  if (problem) {
    throw TenantryError.invalidInput([{ path: 'slug', message: `derived from the name as "${slug}", which ${problem}; pass a slug` }]);
  }
  const issues = schemaIssues(request, slug);
  if (issues.length > 0) throw TenantryError.invalidInput(issues);
  return { ...request, slug };
}

function schemaIssues(request: ProvisionTenantRequest, slug: string): InputIssue[] {
  const issues: InputIssue[] = [];
  if (request.isolation === 'shared') {
    if (request.schemaName !== undefined)
      issues.push({ path: 'schemaName', message: 'is only for isolation "schema": a shared tenant keeps its rows in the shared tables' });
    if (request.adoptSchema) issues.push({ path: 'adoptSchema', message: 'is only for isolation "schema": a shared tenant has no schema of its own' });
    return issues;
  }
  if (request.schemaName !== undefined) {
    const problem = chosenSchemaNameProblem(request.schemaName, slug);
    if (problem) issues.push({ path: 'schemaName', message: problem });
  }
  if (request.adoptSchema && request.schemaName === undefined) {
    issues.push({ path: 'adoptSchema', message: 'needs schemaName (--schema-name): the existing schema to adopt' });
  }
  return issues;
}

/** Identifies "the same request again" so a re-run is reported unchanged. The password is left out. */
export function provisionFingerprint(request: SettledProvisionRequest): string {
  const { ownerPassword: _ignored, ...rest } = request;
  return hashOf(rest);
}

export interface PlannedDomain {
  hostname: string;
  kind: 'subdomain' | 'custom';
  isPrimary: boolean;
}

/**
 * The tenant's domains, claimed by the rule every path applies (`domainKind`): `<slug>.<baseDomain>`
 * when a base domain is configured, primary; an explicit `domain` is either that very name or a custom
 * domain, which starts unverified and so is not primary (it becomes primary once verified: `domain
 * verify`, then `domain primary`; without a base domain the tenant's first verified domain is primary).
 */
export function plannedDomains(request: SettledProvisionRequest, baseDomain: string | undefined): PlannedDomain[] {
  const base = baseDomain ? normalizeHostname(baseDomain) : undefined;
  const subdomain = base ? `${request.slug}.${base}` : undefined;
  const domains: PlannedDomain[] = [];
  if (subdomain) domains.push({ hostname: subdomain, kind: 'subdomain', isPrimary: true });
  if (request.domain && request.domain !== subdomain) {
    domains.push({ hostname: request.domain, kind: domainKind(request.domain, request.slug, base, 'domain'), isPrimary: false });
  }
  return domains;
}

/** The problems `provision` would report for this input, without touching the database (for inline validation). */
export function provisionInputIssues(input: unknown): InputIssue[] {
  try {
    settleProvisionRequest(input);
    return [];
  } catch (error) {
    if (error instanceof TenantryError && error.code === 'INVALID_INPUT') return error.details.issues as InputIssue[];
    throw error;
  }
}
