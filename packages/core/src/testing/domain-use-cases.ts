import type { ServiceContext } from '../context.ts';
import type { DnsResolver } from '../modules/domains/dns-resolver.ts';
import { addDomain as addOp } from '../modules/domains/add-domain.operation.ts';
import type { AddDomainInput, DomainRefInput } from '../modules/domains/domain.schemas.ts';
import { removeDomain as removeOp } from '../modules/domains/remove-domain.operation.ts';
import { setPrimaryDomain as setPrimaryOp } from '../modules/domains/set-primary-domain.operation.ts';
import { verifyDomain as verifyOp } from '../modules/domains/verify-domain.operation.ts';
import { executeOperation } from '../operations/execute.ts';
import type { Operation, OperationInput, RunOptions } from '../operations/operation.ts';
import type { DomainChange } from '../modules/domains/primary-switch.ts';
import type { DomainView } from '../modules/domains/domain-view.ts';

/** The domain operations as `(ctx, input, options)` functions: the plan, and the domain as applied or planned. */
async function run<Schema extends Operation['input'], Data extends Pick<DomainChange, 'view'>>(
  ctx: ServiceContext,
  operation: Operation<Schema, Data, DomainView>,
  input: OperationInput<Schema>,
  options: RunOptions,
) {
  const executed = await executeOperation(ctx, operation, input, options);
  return { ...executed, domain: executed.value ?? executed.data.view };
}

export const addDomain = (ctx: ServiceContext, input: AddDomainInput, options: RunOptions = {}) => run(ctx, addOp, input, options);
export const setPrimaryDomain = (ctx: ServiceContext, input: DomainRefInput, options: RunOptions = {}) => run(ctx, setPrimaryOp, input, options);
export const removeDomain = (ctx: ServiceContext, input: DomainRefInput, options: RunOptions = {}) => run(ctx, removeOp, input, options);

/** Verifies with the given resolver (the context's `dnsResolver`). */
export const verifyDomain = (ctx: ServiceContext, input: DomainRefInput, { resolver, ...options }: RunOptions & { resolver?: DnsResolver } = {}) =>
  run(resolver ? { ...ctx, dnsResolver: resolver } : ctx, verifyOp, input, options);

export { listDomains } from '../modules/domains/domain-queries.ts';
