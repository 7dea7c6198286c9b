import type { ServiceContext } from '../../context.ts';
import { executeOperation } from '../../operations/execute.ts';
import type { Operation, OperationInput } from '../../operations/operation.ts';
import type { Finding, Repair } from '../types.ts';

/**
 * A repair that is a finding mapped to the input of an existing operation: its rules, plan and audit
 * vocabulary are that operation's, so a repair never re-implements a service.
 */
export function repairVia<Schema extends Operation['input'], Data, Value>(
  operation: Operation<Schema, Data, Value>,
  toInput: (ctx: ServiceContext, finding: Finding) => Promise<OperationInput<Schema>>,
): Repair {
  return {
    managesTransactions: true,
    async plan(ctx, finding) {
      const planned = await executeOperation(ctx, operation, await toInput(ctx, finding), { dryRun: true });
      return { steps: planned.steps, destructive: planned.confirmText !== null, confirmText: planned.confirmText, basis: planned.fingerprint };
    },
    async apply(ctx, finding) {
      await executeOperation(ctx, operation, await toInput(ctx, finding));
    },
  };
}
