import { TenantryError } from '@tenantry/sdk';
import { defineCommand } from '../command.ts';

export const consoleCommand = defineCommand({
  path: ['console'],
  summary: 'Opens the full-screen operator console (also `tenantry` with no arguments on a terminal).',
  flags: [{ name: 'readonly', type: 'boolean', description: 'Disable every action that changes something.' }],
  examples: [
    { description: 'The console on the embedded store', command: 'tenantry' },
    { description: 'Look, never touch, on a server', command: 'tenantry console --readonly --database-url postgresql://postgres@db/tenantry' },
  ],
  async run(ctx, { flags }) {
    if (!ctx.interactive) {
      throw new TenantryError('PRECONDITION_FAILED', {
        message: 'The console needs a terminal: stdin and stdout a TTY, TERM other than dumb, and CI unset.',
        hint: 'Use the commands instead, e.g. `tenantry tenant list`.',
      });
    }
    // The first frame does not wait for the database: the console opens it once it has drawn.
    const { runConsole } = await import('../../app/run-console.tsx');
    await runConsole({
      openClient: () => ctx.client(),
      readonly: flags.readonly === true,
      io: ctx.io,
      ...(ctx.consoleScreen ? { screen: ctx.consoleScreen } : {}),
    });
  },
});
