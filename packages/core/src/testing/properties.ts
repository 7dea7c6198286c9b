import { TenantryError } from '../errors.ts';

/** Bounded runs: enough to find edge cases, small enough that the suite stays fast. */
export const RUNS = { numRuns: 300 } as const;

/** The code of the TenantryError `run` throws, `null` when it returns; any other error fails the test. */
export function outcomeCode(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof TenantryError) return error.code;
    throw error;
  }
}
