import { OPERATION_REGISTRY, TenantryError } from '@tenantry/core';
import type { ZodType } from 'zod';

/** An operation as the faces describe it: its id, what it does, who may run it, and its input schema. */
export interface OperationDescription {
  id: string;
  summary: string;
  scope: 'platform' | 'tenant' | 'credential';
  input: ZodType;
}

/** The ids of every change Tenantry makes (`tenant.suspend`, `invitation.send`...). */
export function operationIds(): string[] {
  return Object.keys(OPERATION_REGISTRY);
}

/** One change Tenantry makes, by id: what a network face documents (its OpenAPI schemas come from `input`). */
export function describeOperation(id: string): OperationDescription {
  const operation = (OPERATION_REGISTRY as Record<string, (typeof OPERATION_REGISTRY)[keyof typeof OPERATION_REGISTRY] | undefined>)[id];
  if (!operation) throw TenantryError.internal(new Error(`no operation ${id}`));
  return { id, summary: operation.summary, scope: operation.scope, input: operation.input };
}
