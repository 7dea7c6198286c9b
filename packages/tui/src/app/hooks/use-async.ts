import { useEffect, useState } from 'react';
import { isTenantryError, type TenantryError } from '@tenantry/sdk';

export interface AsyncState<T> {
  data: T | undefined;
  error: TenantryError | Error | undefined;
  loading: boolean;
  loadedAt: Date | undefined;
}

/** Runs `load` whenever `deps` change and keeps the last result while the next one loads. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ data: undefined, error: undefined, loading: true, loadedAt: undefined });
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    load().then(
      (data) => current && setState({ data, error: undefined, loading: false, loadedAt: new Date() }),
      (error: unknown) =>
        current &&
        setState((previous) => ({ ...previous, error: isTenantryError(error) || error instanceof Error ? error : new Error(String(error)), loading: false })),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names the dependencies
  }, deps);
  return state;
}
