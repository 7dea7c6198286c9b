import { defineCommand } from '../../command.ts';

export const auditVerify = defineCommand({
  path: ['audit', 'verify'],
  summary: 'Checks that the audit trail was not edited, deleted from or added to behind its append-only triggers.',
  description:
    'Every audit event is chained to the one before it by a hash the database computes on insert. This recomputes the\n' +
    'chain in one pass and names the first event that was edited, deleted or inserted. Exits 9 when the chain is\n' +
    'broken, 0 when it is intact. Keep the head hash it prints somewhere else: it also shows a trail rewritten from scratch.',
  json: true,
  examples: [
    { description: 'Verify the whole trail', command: 'tenantry audit verify' },
    { description: 'From cron, as JSON (exit 9 when broken)', command: 'tenantry audit verify --json' },
  ],
  async run(ctx) {
    const report = await (await ctx.client()).audit.verify();
    if (ctx.json) ctx.outJson(report);
    else if (report.broken) {
      ctx.out(`${ctx.style.red('✗ broken')}: the audit trail was ${report.broken.kind}${report.broken.id ? ` at event ${report.broken.id}` : ''}.`);
      ctx.out(`  ${report.broken.detail}`);
      ctx.out(`  ${report.events} event(s); chain head ${report.head ? `${report.head.seq} ${report.head.hash}` : 'missing'}.`);
    } else {
      ctx.out(`${ctx.style.green('✓ intact')}: ${report.events} event(s) chained; head ${report.head?.seq ?? '0'} ${report.head?.hash ?? ''}`.trimEnd());
    }
    return report.broken ? { exitKind: 'unhealthy' } : undefined;
  },
});
