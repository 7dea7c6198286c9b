import { stopStore } from '@tenantry/sdk';
import { defineCommand } from '../../command.ts';

export const storeStopCommand = defineCommand({
  path: ['store', 'stop'],
  summary: "Stops the embedded store's serving process and waits until it has released the store.",
  description:
    'Committed work is kept; a client in the middle of a transaction sees its connection closed and the transaction rolled back. The next command starts the process again.',
  json: true,
  examples: [{ description: 'Stop it (before copying or backing up TENANTRY_HOME, say)', command: 'tenantry store stop' }],
  async run(ctx) {
    const result = await stopStore({ env: ctx.io.env });
    if (ctx.json) return ctx.outJson(result);
    ctx.out(result.stopped ? `${ctx.style.green('✓')} Stopped the serving process ${result.pid}.` : '○ Nothing was serving the store.');
  },
});
