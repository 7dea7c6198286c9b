/**
 * Hands back pooled connections that the server dropped while they were checked out.
 *
 * When the server goes away in the middle of a transaction, the ROLLBACK fails too, and Kysely's
 * controlled transaction then never releases its connection. `pg-pool`'s `end()` waits for every
 * checked-out client, so closing the ORM would wait forever: with nothing else pending Node exits 13
 * ("unsettled top-level await") before any error is printed. This tracker follows the pool through its
 * public events and, on close, releases (and so destroys) every checked-out client whose connection
 * has ended, so the close finishes and the command can report the outage.
 */
interface TrackedClient {
  once(event: 'end', listener: () => void): unknown;
  release?: (error?: Error | boolean) => void;
}

interface TrackedPool {
  on(event: 'connect' | 'acquire', listener: (client: TrackedClient) => void): unknown;
  on(event: 'release', listener: (error: unknown, client: TrackedClient) => void): unknown;
}

export interface BrokenConnectionTracker {
  /** Passed to the driver as `onPoolCreated`. */
  watch(pool: unknown): void;
  /** Releases every checked-out connection the server has dropped; returns how many. */
  releaseBroken(): number;
}

export function trackBrokenConnections(): BrokenConnectionTracker {
  const checkedOut = new Set<TrackedClient>();
  const ended = new WeakSet<TrackedClient>();
  return {
    watch(created) {
      const pool = created as TrackedPool;
      pool.on('connect', (client) => void client.once('end', () => ended.add(client)));
      pool.on('acquire', (client) => void checkedOut.add(client));
      pool.on('release', (_error, client) => void checkedOut.delete(client));
    },
    releaseBroken() {
      let released = 0;
      for (const client of [...checkedOut]) {
        if (!ended.has(client) || typeof client.release !== 'function') continue;
        checkedOut.delete(client);
        try {
          client.release(new Error('The server closed the connection.'));
          released++;
        } catch {
          // Already released by its holder in the meantime: nothing left to do.
        }
      }
      return released;
    },
  };
}
