import type { SqlEntityManager } from '@mikro-orm/sql';

export interface DatabaseTarget {
  kind: 'embedded' | 'server';
  /** Where the data is, with no credentials: a directory or host:port/database. */
  location: string;
}

export interface Database {
  readonly target: DatabaseTarget;
  /** A fresh entity manager with its own identity map. */
  fork(): SqlEntityManager;
  close(): Promise<void>;
}
