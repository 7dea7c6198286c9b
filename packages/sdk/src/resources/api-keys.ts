import {
  createApiKey,
  listApiKeys,
  revokeApiKey,
  rotateApiKey,
  verifyApiKey,
  type ApiKeyRefInput,
  type ApiKeyView,
  type CreateApiKeyInput,
  type RotateApiKeyInput,
  type VerifyApiKeyInput,
} from '@tenantry/core';
import { toApiKeyDto, toVerifyResultDto, type ApiKeyDto, type ApiKeyResultDto, type RotatedApiKeyDto, type VerifyResultDto } from '../dto/api-keys.ts';
import { toChangeDto } from '../dto/change.ts';
import type { ClientRuntime } from '../runtime.ts';
import type { OperationOptions } from '../operation-options.ts';

/**
 * API keys `tnt_<prefix>_<secret>`: shown once, stored as prefix and hash, with wildcard scopes.
 *
 * @example
 * ```ts
 * const { apiKey } = await tenantry.apiKeys.create({ slug: 'acme-corp', name: 'ci', scopes: ['assets.read'] });
 * console.log(apiKey.key); // shown once
 * if (apiKey.key) console.log(await tenantry.apiKeys.verify({ key: apiKey.key }));
 * ```
 */
export class ApiKeys {
  readonly #runtime: ClientRuntime;

  constructor(runtime: ClientRuntime) {
    this.#runtime = runtime;
  }

  /**
   * A tenant's keys, newest first (never the keys themselves).
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`; and, like every method, a database code (see `TenantryClient`)
   */
  async list(slug: string): Promise<ApiKeyDto[]> {
    return this.#runtime.run(async (ctx) => (await listApiKeys(ctx, slug)).map(toApiKeyDto));
  }

  /**
   * Creates a key (`apiKey.key`, once). Expiry in days, default 365, null for none. LIMIT_EXCEEDED past maxApiKeys.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `LIMIT_EXCEEDED`, `TENANT_SUSPENDED`; and, like every method, a database code (see `TenantryClient`)
   */
  async create(input: CreateApiKeyInput, options: OperationOptions = {}): Promise<ApiKeyResultDto> {
    const executed = await this.#runtime.execute(createApiKey, input, options);
    return toResult(executed, executed.value ?? executed.data.view);
  }

  /**
   * Issues a new key with the same name and scopes; the old one works for `overlapHours` (default 24) more.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `API_KEY_NOT_FOUND`, `PRECONDITION_FAILED`; and, like every method, a database code (see `TenantryClient`)
   */
  async rotate(input: RotateApiKeyInput, options: OperationOptions = {}): Promise<RotatedApiKeyDto> {
    const executed = await this.#runtime.execute(rotateApiKey, input, options);
    const { value } = executed;
    return { ...toResult(executed, value ?? executed.data.view), previous: toApiKeyDto(value?.previous ?? executed.data.previous) };
  }

  /**
   * Revokes a key at once.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `API_KEY_NOT_FOUND`; and, like every method, a database code (see `TenantryClient`)
   */
  async revoke(input: ApiKeyRefInput, options: OperationOptions = {}): Promise<ApiKeyResultDto> {
    const executed = await this.#runtime.execute(revokeApiKey, input, options);
    return toResult(executed, executed.value ?? executed.data.view);
  }

  /**
   * Whether a key is valid (with `scope`: and grants it), and if not why: malformed, unknown, revoked,
   * expired, tenant_suspended, tenant_inactive, scope_not_granted. Records lastUsedAt, except on a dry run.
   *
   * @throws {@link TenantryError} `INVALID_INPUT`; and, like every method, a database code (see `TenantryClient`)
   */
  async verify(input: VerifyApiKeyInput, options: { dryRun?: boolean } = {}): Promise<VerifyResultDto> {
    return this.#runtime.run(async (ctx) => toVerifyResultDto(await verifyApiKey(ctx, input, options)));
  }
}

/** The key as planned or applied; the secret only when applied, once. */
function toResult(executed: Parameters<typeof toChangeDto>[0], key: ApiKeyView | { apiKey: ApiKeyView; key?: string }): ApiKeyResultDto {
  const applied = 'apiKey' in key ? key : { apiKey: key };
  return { ...toChangeDto(executed), apiKey: { ...toApiKeyDto(applied.apiKey), ...('key' in applied && applied.key ? { key: applied.key } : {}) } };
}
