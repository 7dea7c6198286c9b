import { hashOf } from '../../lib/canonical-json.ts';
import { TenantryError, type InputIssue } from '../../errors.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { normalizeHostname } from '../../validation/fields.ts';
import { slugFromName, slugProblem } from './slug.ts';
import { provisionTenantInput, type ProvisionTenantRequest } from './tenant.schemas.ts';

/** A validated provisioning request with its slug settled; bulk rows may also carry the tenant's settings. */
export type SettledProvisionRequest = ProvisionTenantRequest & { slug: string; settings?: Record<string, unknown> };

/** Validates the input field by field (all problems at once) and derives the slug when absent. */
export function settleProvisionRequest(input: unknown): SettledProvisionRequest {
  return settleSlug(parseInput(provisionTenantInput, input));
}

/** Derives the slug from the name when absent, refusing one that would be invalid. */
export function settleSlug<Request extends ProvisionTenantRequest>(request: Request): Request & { slug: string } {
  const slug = request.slug ?? slugFromName(request.name);
  const problem = slugProblem(slug);
  if (problem) {
    throw TenantryError.invalidInput([{ path: 'slug', message: `derived from the name as "${slug}", which ${problem}; pass a slug` }]);
  }
  return { ...request, slug };
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

/** The explicit domain is primary; `<slug>.<baseDomain>` is added too (primary when no domain is given). */
export function plannedDomains(request: SettledProvisionRequest, baseDomain: string | undefined): PlannedDomain[] {
  const base = baseDomain ? normalizeHostname(baseDomain) : undefined;
  const subdomain = base ? `${request.slug}.${base}` : undefined;
  const domains: PlannedDomain[] = [];
  if (request.domain) {
    const isSubdomain = base !== undefined && request.domain.endsWith(`.${base}`);
    domains.push({ hostname: request.domain, kind: isSubdomain ? 'subdomain' : 'custom', isPrimary: true });
  }
  if (subdomain && subdomain !== request.domain) {
    domains.push({ hostname: subdomain, kind: 'subdomain', isPrimary: domains.length === 0 });
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
