import type { ServiceContext } from '../context.ts';
import { createServiceToken as createOp } from '../modules/service-tokens/create-service-token.operation.ts';
import { revokeServiceToken as revokeOp } from '../modules/service-tokens/revoke-service-token.operation.ts';
import type { CreateServiceTokenInput, ServiceTokenRefInput } from '../modules/service-tokens/service-token.schemas.ts';
import { executeOperation } from '../operations/execute.ts';
import type { RunOptions } from '../operations/operation.ts';

/** The service token operations as `(ctx, input, options)` functions: the token as planned or applied, the secret once. */
export async function createServiceToken(ctx: ServiceContext, input: CreateServiceTokenInput, options: RunOptions = {}) {
  const executed = await executeOperation(ctx, createOp, input, options);
  return { ...executed, serviceToken: executed.value?.serviceToken ?? executed.data.view, ...(executed.value ? { token: executed.value.token } : {}) };
}

export async function revokeServiceToken(ctx: ServiceContext, input: ServiceTokenRefInput, options: RunOptions = {}) {
  const executed = await executeOperation(ctx, revokeOp, input, options);
  return { ...executed, serviceToken: executed.value?.serviceToken ?? executed.data.view };
}

export { listServiceTokens } from '../modules/service-tokens/list-service-tokens.ts';
