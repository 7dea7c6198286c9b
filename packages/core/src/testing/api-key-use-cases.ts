import type { ServiceContext } from '../context.ts';
import { createApiKey as createOp } from '../modules/api-keys/create-api-key.operation.ts';
import { revokeApiKey as revokeOp } from '../modules/api-keys/revoke-api-key.operation.ts';
import { rotateApiKey as rotateOp } from '../modules/api-keys/rotate-api-key.operation.ts';
import type { CreateApiKeyInput, ApiKeyRefInput, RotateApiKeyInput } from '../modules/api-keys/api-key.schemas.ts';
import { executeOperation } from '../operations/execute.ts';
import type { RunOptions } from '../operations/operation.ts';

/** The API key operations as `(ctx, input, options)` functions: the key as planned or applied, the secret once. */
export async function createApiKey(ctx: ServiceContext, input: CreateApiKeyInput, options: RunOptions = {}) {
  const executed = await executeOperation(ctx, createOp, input, options);
  return { ...executed, apiKey: executed.value?.apiKey ?? executed.data.view, ...(executed.value ? { key: executed.value.key } : {}) };
}

export async function rotateApiKey(ctx: ServiceContext, input: RotateApiKeyInput, options: RunOptions = {}) {
  const executed = await executeOperation(ctx, rotateOp, input, options);
  const value = executed.value;
  return {
    ...executed,
    apiKey: value?.apiKey ?? executed.data.view,
    previous: value?.previous ?? executed.data.previous,
    ...(value ? { key: value.key } : {}),
  };
}

export async function revokeApiKey(ctx: ServiceContext, input: ApiKeyRefInput, options: RunOptions = {}) {
  const executed = await executeOperation(ctx, revokeOp, input, options);
  return { ...executed, apiKey: executed.value?.apiKey ?? executed.data.view };
}

export { listApiKeys } from '../modules/api-keys/list-api-keys.ts';
