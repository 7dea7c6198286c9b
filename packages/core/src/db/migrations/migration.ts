import { createHash } from 'node:crypto';

/** A control-plane migration: statements run in order, in one transaction with the others pending. */
export interface ControlPlaneMigration {
  id: string;
  description: string;
  statements: readonly string[];
}

export function controlPlaneChecksum(statements: readonly string[]): string {
  return createHash('sha256').update(statements.join('\n;\n')).digest('hex');
}
