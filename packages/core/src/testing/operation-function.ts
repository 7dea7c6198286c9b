import type { ServiceContext } from '../context.ts';
import { executeOperation } from '../operations/execute.ts';
import type { Executed, Operation, OperationInput, RunOptions } from '../operations/operation.ts';

type Flat<Data, Value> = Executed<Data, Value> & (Data extends object ? Data : unknown) & (Value extends object ? Partial<Value> : unknown);

/** An operation as a use-case function for tests: `(ctx, input, options)`, its plan data and value spread on top. */
export function operationFunction<Schema extends Operation['input'], Data, Value>(operation: Operation<Schema, Data, Value>) {
  return async (ctx: ServiceContext, input: OperationInput<Schema>, options: RunOptions = {}): Promise<Flat<Data, Value>> => {
    const executed = await executeOperation(ctx, operation, input, options);
    const value = typeof executed.value === 'object' && executed.value !== null ? executed.value : {};
    return { ...executed, ...(executed.data as object), ...value } as Flat<Data, Value>;
  };
}
