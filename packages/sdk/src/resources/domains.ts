import {
  addDomain,
  listDomains,
  removeDomain,
  setPrimaryDomain,
  verifyDomain,
  type AddDomainInput,
  type DomainChange,
  type DomainRefInput,
  type DomainView,
  type Executed,
} from '@tenantry/core';
import { toChangeDto } from '../dto/change.ts';
import { toDomainDto, type DomainDto, type DomainResultDto } from '../dto/domains.ts';
import type { ClientRuntime } from '../runtime.ts';
import type { OperationOptions } from '../operation-options.ts';

/**
 * A tenant's domains: hostnames lowercased and IDNA-encoded, unique across tenants, one primary.
 *
 * @example
 * ```ts
 * await tenantry.domains.add({ slug: 'acme-corp', hostname: 'app.acme.com' });
 * const [record] = await tenantry.domains.list('acme-corp'); // the TXT record to publish
 * const plan = await tenantry.domains.verify({ slug: 'acme-corp', hostname: 'app.acme.com' }, { dryRun: true });
 * await tenantry.domains.verify({ slug: 'acme-corp', hostname: 'app.acme.com' }, { expectFingerprint: plan.fingerprint });
 * ```
 */
export class Domains {
  readonly #runtime: ClientRuntime;

  constructor(runtime: ClientRuntime) {
    this.#runtime = runtime;
  }

  /**
   * Domains, primary first, with the TXT record unverified custom domains need.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`; and, like every method, a database code (see `TenantryClient`)
   */
  async list(slug: string): Promise<DomainDto[]> {
    return this.#runtime.run(async (ctx) => (await listDomains(ctx, slug)).map(toDomainDto));
  }

  /**
   * Adds a domain (custom ones unverified until their TXT record is found); `primary` makes it primary.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `HOSTNAME_TAKEN`, `LIMIT_EXCEEDED`, `DOMAIN_UNVERIFIED`, `PLAN_STALE`; and, like every method, a database code (see `TenantryClient`)
   */
  async add(input: AddDomainInput, options: OperationOptions = {}): Promise<DomainResultDto> {
    return toResult(await this.#runtime.execute(addDomain, input, options));
  }

  /**
   * Makes a hostname primary, creating it when missing (the repair for a missing or wrong domain).
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `HOSTNAME_TAKEN`, `LIMIT_EXCEEDED`, `DOMAIN_UNVERIFIED`, `PLAN_STALE`; and, like every method, a database code (see `TenantryClient`)
   */
  async setPrimary(input: DomainRefInput, options: OperationOptions = {}): Promise<DomainResultDto> {
    return toResult(await this.#runtime.execute(setPrimaryDomain, input, options));
  }

  /**
   * Looks up TXT `_tenantry.<hostname>` with the client's resolver and marks the domain verified when it
   * holds the token; DOMAIN_VERIFICATION_FAILED when absent. A dry run answers what the lookup found.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `DOMAIN_NOT_FOUND`, `DOMAIN_VERIFICATION_FAILED`, `PLAN_STALE`; and, like every method, a database code (see `TenantryClient`)
   */
  async verify(input: DomainRefInput, options: OperationOptions = {}): Promise<DomainResultDto> {
    return toResult(await this.#runtime.execute(verifyDomain, input, options));
  }

  /**
   * Removes a domain; the primary is refused until another is primary (PRIMARY_DOMAIN_REMOVAL).
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `DOMAIN_NOT_FOUND`, `PRIMARY_DOMAIN_REMOVAL`, `PLAN_STALE`; and, like every method, a database code (see `TenantryClient`)
   */
  async remove(input: DomainRefInput, options: OperationOptions = {}): Promise<DomainResultDto> {
    return toResult(await this.#runtime.execute(removeDomain, input, options));
  }
}

/** The plan, and the domain as applied (or, planned or unchanged, as the plan sees it). */
function toResult(executed: Executed<Pick<DomainChange, 'view'>, DomainView>): DomainResultDto {
  return { ...toChangeDto(executed), domain: toDomainDto(executed.value ?? executed.data.view) };
}
