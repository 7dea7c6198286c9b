import * as prompts from '@clack/prompts';
import { TenantryError } from '@tenantry/sdk';
import type { IO } from '../cli/command.ts';

/** Asks for a password without echoing it; Ctrl-C cancels. */
export async function askPassword(io: Pick<IO, 'stdin' | 'stdout'>, message: string): Promise<string> {
  const answer = await prompts.password({ input: io.stdin, output: io.stdout, message, validate: (value) => (value ? undefined : 'A password is required') });
  if (prompts.isCancel(answer)) throw new TenantryError('CANCELLED', { message: 'Cancelled: nothing was written.' });
  return answer;
}
