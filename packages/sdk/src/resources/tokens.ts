import {
  createServiceToken,
  listServiceTokens,
  revokeServiceToken,
  verifyServiceToken,
  type CreateServiceTokenInput,
  type ServiceTokenRefInput,
  type ServiceTokenView,
  type VerifyServiceTokenInput,
} from '@tenantry/core';
import { toChangeDto } from '../dto/change.ts';
import {
  toServiceTokenDto,
  toServiceTokenVerifyResultDto,
  type ServiceTokenDto,
  type ServiceTokenResultDto,
  type ServiceTokenVerifyResultDto,
} from '../dto/service-tokens.ts';
import type { ClientRuntime } from '../runtime.ts';
import type { OperationOptions } from '../operation-options.ts';

/**
 * Platform service tokens `tts_<prefix>_<secret>`: the operator's credential for the HTTP API
 * (`Authorization: Bearer <token>`). Shown once, stored as prefix and hash; managing them is for the
 * platform operator only (a client made with `as(user)` gets `FORBIDDEN`).
 *
 * @example
 * ```ts
 * const { serviceToken } = await tenantry.tokens.create({ name: 'billing-api', expiresDays: 30 });
 * console.log(serviceToken.token); // shown once
 * if (serviceToken.token) console.log(await tenantry.tokens.verify({ token: serviceToken.token }));
 * ```
 */
export class Tokens {
  readonly #runtime: ClientRuntime;

  constructor(runtime: ClientRuntime) {
    this.#runtime = runtime;
  }

  /**
   * Creates a token (`serviceToken.token`, once). Expiry in days, 1-3650, default 90, null for none;
   * the name is unique among tokens not revoked. Audited as service_token.created, without the token.
   *
   * @throws {@link TenantryError} `FORBIDDEN`, `INVALID_INPUT`, `SERVICE_TOKEN_NAME_TAKEN`, `PLAN_STALE`; and, like every method, a database code (see `TenantryClient`)
   */
  async create(input: CreateServiceTokenInput, options: OperationOptions = {}): Promise<ServiceTokenResultDto> {
    const executed = await this.#runtime.execute(createServiceToken, input, options);
    return toResult(executed, executed.value ?? executed.data.view);
  }

  /**
   * Every service token, newest first, revoked and expired ones too (never a token or its hash).
   *
   * @throws {@link TenantryError} `FORBIDDEN`; and, like every method, a database code (see `TenantryClient`)
   */
  async list(): Promise<ServiceTokenDto[]> {
    return this.#runtime.run(async (ctx) => (await listServiceTokens(ctx)).map(toServiceTokenDto));
  }

  /**
   * Revokes a token at once, by its prefix (`tts_<prefix>` or the 8 characters); an already revoked token is `unchanged`.
   *
   * @throws {@link TenantryError} `FORBIDDEN`, `INVALID_INPUT`, `SERVICE_TOKEN_NOT_FOUND`, `PLAN_STALE`; and, like every method, a database code (see `TenantryClient`)
   */
  async revoke(input: ServiceTokenRefInput, options: OperationOptions = {}): Promise<ServiceTokenResultDto> {
    const executed = await this.#runtime.execute(revokeServiceToken, input, options);
    return toResult(executed, executed.value ?? executed.data.view);
  }

  /**
   * Whether a token is valid, and if not why: malformed, unknown, revoked or expired. Records lastUsedAt (to the minute)
   * when it is valid; not audited (it runs on every platform API request).
   *
   * @throws {@link TenantryError} `INVALID_INPUT`; and, like every method, a database code (see `TenantryClient`)
   */
  async verify(input: VerifyServiceTokenInput): Promise<ServiceTokenVerifyResultDto> {
    return this.#runtime.run(async (ctx) => toServiceTokenVerifyResultDto(await verifyServiceToken(ctx, input)));
  }
}

/** The token as planned or applied; the secret only when created, once. */
function toResult(
  executed: Parameters<typeof toChangeDto>[0],
  token: ServiceTokenView | { serviceToken: ServiceTokenView; token?: string },
): ServiceTokenResultDto {
  const applied = 'serviceToken' in token ? token : { serviceToken: token };
  return {
    ...toChangeDto(executed),
    serviceToken: { ...toServiceTokenDto(applied.serviceToken), ...('token' in applied && applied.token ? { token: applied.token } : {}) },
  };
}
