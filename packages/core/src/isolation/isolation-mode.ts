/** How a tenant's application data is kept apart: a schema of its own, or shared tables under row-level security. */
export const ISOLATION_MODES = ['schema', 'shared'] as const;
export type IsolationMode = (typeof ISOLATION_MODES)[number];
