import { stopStoreServer, storeStatus as readStoreStatus, type StoreStatus } from '@tenantry/core';
import { defaultHome } from './options.ts';

export type { StoreStatus };

export interface StoreOptions {
  /** The embedded store's home. Default: $TENANTRY_HOME, else $XDG_DATA_HOME/tenantry, else ~/.local/share/tenantry. */
  home?: string;
  /** Where defaults are read from. Default: process.env. */
  env?: Record<string, string | undefined>;
}

/**
 * What serves the embedded store, without starting anything: `serving` (the pid of its serving
 * process and its socket), `exclusive` (one process opened it in process, for itself) or `stopped`.
 */
export function storeStatus(options: StoreOptions = {}): Promise<StoreStatus> {
  return readStoreStatus(options.home ?? defaultHome(options.env ?? process.env));
}

/**
 * Stops the embedded store's serving process and waits until it has released the store; committed
 * work is kept, open transactions of connected clients roll back. `stopped: false` when none ran.
 */
export function stopStore(options: StoreOptions = {}): Promise<{ stopped: boolean; pid?: number }> {
  return stopStoreServer(options.home ?? defaultHome(options.env ?? process.env));
}
