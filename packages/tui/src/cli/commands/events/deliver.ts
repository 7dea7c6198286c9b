import { DELIVERY_ATTEMPT_TIMEOUT_MS, TenantryError, type AttemptReportDto } from '@tenantry/sdk';
import type { CommandContext } from '../../command.ts';
import { defineCommand } from '../../command.ts';

export const eventsDeliver = defineCommand({
  path: ['events', 'deliver'],
  summary: 'Delivers the lifecycle events due to every subscription (tenantry webhook add), once or with --follow until stopped.',
  description:
    'For deployments without `tenantry serve`, which delivers by itself. Without --follow: every delivery due now is attempted,\n' +
    'round after round, then it exits (0 when every attempt succeeded, 10 when one failed: it is retried later). With --follow it\n' +
    'keeps delivering, one line per attempt, until Ctrl-C or SIGTERM (the attempts in flight are settled first). Running it beside\n' +
    'serve or another deliverer is safe: each delivery is claimed by one at a time, and one cut short (kill -9) is made again.',
  flags: [
    { name: 'follow', type: 'boolean', description: 'Keep delivering until stopped (with --json: one JSON line per attempt).' },
    { name: 'endpoint', type: 'string', placeholder: 'ID', description: "Only this subscription's deliveries." },
    { name: 'interval', type: 'integer', placeholder: 'MS', description: 'With --follow: the pause between runs, in milliseconds (default 1000).' },
  ],
  json: true,
  examples: [
    { description: 'Deliver what is due, from cron', command: 'tenantry events deliver' },
    { description: 'Deliver continuously, as a service', command: 'tenantry events deliver --follow' },
  ],
  async run(ctx, { flags }) {
    const client = await ctx.client();
    const endpoint = typeof flags.endpoint === 'string' ? { endpoint: flags.endpoint } : {};
    if (flags.follow === true) {
      if (typeof flags.interval === 'number' && flags.interval < 1)
        throw TenantryError.invalidInput([{ path: '--interval', message: 'must be at least 1 millisecond' }]);
      // JSON: one line per attempt, as it is settled.
      const onAttempt = (attempt: AttemptReportDto) => ctx.out(ctx.json ? JSON.stringify(attempt) : attemptLine(ctx, attempt));
      const interval = typeof flags.interval === 'number' ? flags.interval : 1000;
      const worker = client.webhooks.startDelivery({
        ...endpoint,
        intervalMs: interval,
        onAttempt,
        onError: (error) => ctx.info(`Delivery run failed: ${(error as Error).message}`),
      });
      // An attempt in flight is settled, not cut off: it ends within its timeout.
      ctx.onShutdown(() => worker.stop(), { graceMs: DELIVERY_ATTEMPT_TIMEOUT_MS });
      ctx.info(`Delivering lifecycle events every ${interval} ms; Ctrl-C stops.`);
      return worker.finished;
    }
    const attempts: AttemptReportDto[] = [];
    const run = await client.webhooks.deliver({
      ...endpoint,
      onAttempt: (attempt) => (ctx.json ? attempts.push(attempt) : ctx.out(attemptLine(ctx, attempt))),
    });
    if (ctx.json) ctx.outJson({ ...run, attempts });
    else {
      const next = run.nextAttemptAt ? `, the next at ${run.nextAttemptAt}` : '';
      ctx.info(`${run.delivered} delivered, ${run.retrying} to retry, ${run.failed} given up; ${run.pending} waiting${next}.`);
      for (const disabled of run.disabled)
        ctx.info(`${ctx.style.red('✗')} Disabled the subscription of ${disabled.target}: ${disabled.reason}. See tenantry doctor.`);
    }
    return run.retrying + run.failed > 0 ? { exitKind: 'unavailable' } : undefined;
  },
});

function attemptLine(ctx: CommandContext, attempt: AttemptReportDto): string {
  const mark = attempt.status === 'delivered' ? ctx.style.green('✓') : ctx.style.red('✗');
  const answer = attempt.outcome.statusCode ?? attempt.outcome.error ?? '';
  const then =
    attempt.status === 'retrying' ? `, retry at ${attempt.nextAttemptAt ?? ''}` : attempt.status === 'failed' ? ', gave up: subscription disabled' : '';
  return `${mark} ${attempt.event.id} ${attempt.event.type}${attempt.event.tenant ? ` ${attempt.event.tenant}` : ''} → ${attempt.endpoint.target}: ${answer} in ${attempt.outcome.latencyMs} ms (attempt ${attempt.attempt}${then})`;
}
