import { renderStatement, type Statement } from './statement.ts';

/**
 * One step of a plan: what applying will do, in words, and where it matters the statements applying
 * runs (`statements`, exactly these) with their display (`sql`, each statement rendered with its parameters).
 */
export interface PlanStep {
  action: string;
  description: string;
  sql?: string[];
  statements?: Statement[];
}

/** A step that runs statements: they are what applying executes, and `sql` shows them. */
export function statementStep(action: string, description: string, statements: readonly Statement[]): PlanStep {
  return { action, description, statements: [...statements], sql: statements.map((statement) => renderStatement(statement)) };
}

/** Every statement of the steps, in order. */
export function statementsOfSteps(steps: readonly PlanStep[]): Statement[] {
  return steps.flatMap((step) => step.statements ?? []);
}
