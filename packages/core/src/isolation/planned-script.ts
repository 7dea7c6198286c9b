import { statementStep, type PlanStep } from '../plan.ts';
import type { Statement } from '../statement.ts';
import type { MigrationBody } from './blueprint.ts';
import { partOf, type ScriptPart } from './runner.ts';

/** Steps and the script parts that run their statements, built together so they cannot differ. */
export class PlannedScript {
  readonly steps: PlanStep[] = [];
  readonly script: ScriptPart[] = [];

  add(label: string, step: Pick<PlanStep, 'action' | 'description'>, statements: Statement[]): void {
    this.steps.push(statementStep(step.action, step.description, statements));
    this.script.push({ label, statements });
  }

  /** A step that runs nothing when applying (what planning found out, shown in the plan). */
  note(step: Pick<PlanStep, 'action' | 'description'>): void {
    this.steps.push({ ...step });
  }

  /** A blueprint body: its statements, or (a function) the call, shown by its version. */
  body(label: string, step: Pick<PlanStep, 'action' | 'description'>, body: MigrationBody, version: string | undefined): void {
    const part = partOf(label, body);
    if ('call' in part) {
      this.steps.push({ ...step, sql: [`-- ${label}: a function body, version ${version ?? '?'}`] });
      this.script.push(part);
    } else {
      this.add(label, step, [...part.statements]);
    }
  }
}
