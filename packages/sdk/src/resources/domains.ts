import {
  addDomain,
  listDomains,
  removeDomain,
  setPrimaryDomain,
  verifyDomain,
  type AddDomainInput,
  type DomainOutcome,
  type DomainRefInput,
} from '@tenantry/core';
import { toChangeDto } from '../dto/change.ts';
import { toDomainRecordDto, type DomainRecordDto, type DomainResultDto } from '../dto/domains.ts';
import type { ClientRuntime } from '../runtime.ts';
import type { OperationOptions } from '../operation-options.ts';

/**
 * A tenant's domains: hostnames lowercased and IDNA-encoded, unique across tenants, one primary.
 *
 * @example
 * ```ts
 * await tenantry.domains.add({ slug: 'acme-corp', hostname: 'app.acme.com' });
 * const [record] = await tenantry.domains.list('acme-corp'); // the TXT record to publish
 * await tenantry.domains.verify({ slug: 'acme-corp', hostname: 'app.acme.com' });
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
  async list(slug: string): Promise<DomainRecordDto[]> {
    return this.#runtime.run(async (ctx) => (await listDomains(ctx, slug)).map(toDomainRecordDto));
  }

  /**
   * Adds a domain (custom ones unverified until their TXT record is found); `primary` makes it primary.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `HOSTNAME_TAKEN`, `LIMIT_EXCEEDED`; and, like every method, a database code (see `TenantryClient`)
   */
  async add(input: AddDomainInput, options: OperationOptions = {}): Promise<DomainResultDto> {
    return this.#runtime.run(async (ctx) => toResult(await addDomain(ctx, input, options)));
  }

  /**
   * Makes a hostname primary, creating it when missing (the repair for a missing or wrong domain).
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `HOSTNAME_TAKEN`, `LIMIT_EXCEEDED`; and, like every method, a database code (see `TenantryClient`)
   */
  async setPrimary(input: DomainRefInput, options: OperationOptions = {}): Promise<DomainResultDto> {
    return this.#runtime.run(async (ctx) => toResult(await setPrimaryDomain(ctx, input, options)));
  }

  /**
   * Looks up TXT `_tenantry.<hostname>` with the client's resolver; DOMAIN_VERIFICATION_FAILED when absent.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `DOMAIN_NOT_FOUND`, `DOMAIN_VERIFICATION_FAILED`; and, like every method, a database code (see `TenantryClient`)
   */
  async verify(input: DomainRefInput, options: OperationOptions = {}): Promise<DomainResultDto> {
    const resolver = this.#runtime.options.dnsResolver;
    return this.#runtime.run(async (ctx) => toResult(await verifyDomain(ctx, input, { ...options, ...(resolver ? { resolver } : {}) })));
  }

  /**
   * Removes a domain; the primary is refused until another is primary (PRIMARY_DOMAIN_REMOVAL).
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `DOMAIN_NOT_FOUND`, `PRIMARY_DOMAIN_REMOVAL`; and, like every method, a database code (see `TenantryClient`)
   */
  async remove(input: DomainRefInput, options: OperationOptions = {}): Promise<DomainResultDto> {
    return this.#runtime.run(async (ctx) => toResult(await removeDomain(ctx, input, options)));
  }
}

function toResult(outcome: DomainOutcome): DomainResultDto {
  return { ...toChangeDto(outcome), domain: toDomainRecordDto(outcome.domain) };
}
