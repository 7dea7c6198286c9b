import { storeStatus } from '@tenantry/sdk';
import { defineCommand } from '../../command.ts';

export const storeStatusCommand = defineCommand({
  path: ['store', 'status'],
  summary: "Shows the embedded store's serving process: its pid, since when, its socket, and whether it answers.",
  description:
    'Every tenantry process, the console and SDK programs on one TENANTRY_HOME share the embedded store through one serving process, started on first use and gone after an idle period (TENANTRY_STORE_IDLE_SECONDS, default 300). This command starts nothing.',
  json: true,
  examples: [
    { description: 'Is the store served, and by which process?', command: 'tenantry store status' },
    { description: 'As JSON', command: 'tenantry store status --json' },
  ],
  async run(ctx) {
    const status = await storeStatus({ env: ctx.io.env });
    if (ctx.json) return ctx.outJson(status);
    switch (status.state) {
      case 'stopped':
        return ctx.out(`○ stopped: nothing serves the store at ${status.home}; the next command starts it.`);
      case 'exclusive':
        return ctx.out(
          `${ctx.style.yellow('●')} exclusive: ${status.holder} opened ${status.home} for itself; other processes get STORE_LOCKED until it ends.`,
        );
      case 'serving': {
        const answer = status.responding ? `${ctx.style.green('✓')} serving` : `${ctx.style.yellow('…')} starting`;
        ctx.out(`${answer}: process ${status.pid} since ${status.since}`);
        return ctx.out(`  socket ${status.socket}`);
      }
    }
  },
});
