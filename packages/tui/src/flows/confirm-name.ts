import * as prompts from '@clack/prompts';
import { TenantryError, type PlanStepDto } from '@tenantry/sdk';
import type { IO } from '../cli/command.ts';

export interface ConfirmNameOptions {
  io: Pick<IO, 'stdin' | 'stdout'>;
  /** "Delete tenant acme-corp" */
  title: string;
  steps: readonly PlanStepDto[];
  /** The exact name to type back. */
  name: string;
}

/** Shows the plan of a destructive change and asks for the tenant's exact name; anything else cancels. */
export async function confirmByName({ io, title, steps, name }: ConfirmNameOptions): Promise<string> {
  const streams = { input: io.stdin, output: io.stdout };
  prompts.intro(title, streams);
  prompts.note(steps.map((step, index) => `${index + 1}. ${step.description}`).join('\n'), 'Plan', streams);
  const typed = await prompts.text({
    ...streams,
    message: `Type the tenant's name to confirm (${name})`,
    validate: (value) => (value === name ? undefined : 'That is not the exact name (case and spaces count); Ctrl-C cancels'),
  });
  if (prompts.isCancel(typed)) throw new TenantryError('CANCELLED', { message: 'Cancelled: nothing was written.' });
  return typed;
}
