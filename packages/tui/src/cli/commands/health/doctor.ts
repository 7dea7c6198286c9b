import { SEVERITIES, TenantryError, type CheckOptions, type DoctorReportDto, type InputIssue, type NotifyResultDto, type Severity } from '@tenantry/sdk';
import { CHANGE_FLAGS, changeOptions, defineCommand, type CommandContext, type ParsedArguments } from '../../command.ts';
import { renderChange } from '../../output/change.ts';
import { plural } from '../../../text/plural.ts';

const SYMBOLS: Record<Severity, string> = { error: '✗ error', warn: '! warn ', info: '· info ' };

export const doctor = defineCommand({
  path: ['doctor'],
  summary: 'Checks every tenant for drift and reports each finding with its numbers and remediation.',
  description:
    'Runs the catalog of checks (docs/doctor.md), each one set-based SQL over all tenants. Exits 9 when any finding\n' +
    'has error severity, 0 otherwise. `tenantry repair` fixes what can be fixed.',
  args: [{ name: 'slug', description: 'Only this tenant.', optional: true }],
  flags: [
    { name: 'min-severity', type: 'string', placeholder: 'LEVEL', choices: SEVERITIES, description: 'Hide findings below this severity (default info).' },
    {
      name: 'notify',
      type: 'string',
      placeholder: 'URL',
      description:
        'Record the findings opened and resolved since the last run as health.* events and deliver them, signed, to this URL (a Slack URL, or email:ADDRESS), subscribing it when new.',
    },
    {
      name: 'warn-users',
      type: 'integer',
      placeholder: 'PCT',
      description: "Warn when users reach this % of the limit, for this run (default: each tenant's threshold, else its plan's, 90).",
    },
    {
      name: 'warn-assets',
      type: 'integer',
      placeholder: 'PCT',
      description: "Warn when assets reach this % of the limit, for this run (default: each tenant's threshold, else its plan's, 90).",
    },
    {
      name: 'warn-devices',
      type: 'integer',
      placeholder: 'PCT',
      description: "Warn when devices reach this % of the limit, for this run (default: each tenant's threshold, else its plan's, 90).",
    },
    {
      name: 'warn-storage',
      type: 'integer',
      placeholder: 'PCT',
      description: "Warn when storage reaches this % of the quota, for this run (default: each tenant's threshold, else its plan's, 80).",
    },
    { name: 'stuck-minutes', type: 'integer', description: 'A tenant provisioning longer than this is stuck (default 15).' },
    { name: 'schema-guardrail', type: 'integer', description: 'Warn past this many schema-isolated tenants (default 2000).' },
    ...CHANGE_FLAGS.map((flag) => ({ ...flag, description: `${flag.description} (With --notify.)` })),
  ],
  json: true,
  examples: [
    { description: 'Every tenant', command: 'tenantry doctor' },
    { description: 'One tenant, errors only, as JSON', command: 'tenantry doctor acme-corp --min-severity error --json' },
    {
      description: 'From cron: tell a webhook about findings opened and resolved, signed (subscribes it to health.* the first time)',
      command: 'tenantry doctor --notify https://hooks.example.com/tenantry --min-severity warn',
    },
    { description: 'Findings to a Slack channel', command: 'tenantry doctor --notify https://hooks.slack.com/services/T0/B0/XXXX' },
    { description: 'See what would be notified, sending nothing', command: 'tenantry doctor --notify https://hooks.example.com/tenantry --dry-run' },
  ],
  async run(ctx, { args, flags }) {
    const minSeverity = flags['min-severity'];
    if (typeof minSeverity === 'string' && !SEVERITIES.includes(minSeverity as Severity)) {
      throw TenantryError.invalidInput([{ path: '--min-severity', message: `must be one of: ${SEVERITIES.join(', ')}` }]);
    }
    const settings = thresholds(flags);
    const notify = flags.notify;
    if (typeof notify !== 'string' && (flags['dry-run'] === true || typeof flags['expect-plan'] === 'string')) {
      throw TenantryError.invalidInput([{ path: '--dry-run', message: '--dry-run and --expect-plan apply to --notify: the doctor alone writes nothing' }]);
    }
    const client = await ctx.client();
    const check: CheckOptions = {
      ...(args.slug ? { slug: args.slug } : {}),
      ...(typeof minSeverity === 'string' ? { minSeverity: minSeverity as Severity } : {}),
      ...(settings ? { settings } : {}),
    };
    const notified = typeof notify === 'string' ? await client.health.notify(notify, check, changeOptions(flags)) : undefined;
    const report = notified?.report ?? (await client.health.check(check));
    if (ctx.json) {
      if (!notified) ctx.outJson(report);
      else {
        const { report: checked, ...rest } = notified;
        ctx.outJson({ ...checked, notified: rest });
      }
    } else {
      ctx.out(renderReport(ctx, report));
      if (notified?.result === 'planned') {
        ctx.out('');
        ctx.out(`Would notify ${notified.pending.length} new finding(s) to ${notified.target}.`);
        renderChange(ctx, notified, { applied: '', unchanged: '' });
      } else if (notified) renderNotified(ctx, notified);
    }
    if (notified?.deliveryError) {
      if (ctx.json) ctx.info(`The delivery failed (${notified.deliveryError}); the events stay queued and are retried by tenantry events deliver or serve.`);
      return { exitKind: 'unavailable' };
    }
    return report.summary.error > 0 ? { exitKind: 'unhealthy' } : undefined;
  },
});

/** The threshold flags as health settings; percentages between 1 and 100. */
function thresholds(flags: ParsedArguments['flags']): CheckOptions['settings'] | undefined {
  const issues: InputIssue[] = [];
  const percent = (name: string): number | undefined => {
    const value = flags[name];
    if (typeof value !== 'number') return undefined;
    if (value < 1 || value > 100) issues.push({ path: `--${name}`, message: `must be a percentage between 1 and 100 (got ${value})` });
    return value / 100;
  };
  const positive = (name: string): number | undefined => {
    const value = flags[name];
    if (typeof value !== 'number') return undefined;
    if (value < 1) issues.push({ path: `--${name}`, message: `must be at least 1 (got ${value})` });
    return value;
  };
  const warnAt = { users: percent('warn-users'), assets: percent('warn-assets'), devices: percent('warn-devices'), storage: percent('warn-storage') };
  const stuck = positive('stuck-minutes');
  const guardrail = positive('schema-guardrail');
  if (issues.length > 0) throw TenantryError.invalidInput(issues);
  const given = Object.fromEntries(Object.entries(warnAt).filter(([, value]) => value !== undefined)) as Partial<Record<keyof typeof warnAt, number>>;
  const settings: NonNullable<CheckOptions['settings']> = {
    ...(Object.keys(given).length > 0 ? { warnAt: given } : {}),
    ...(stuck ? { stuckProvisioningMinutes: stuck } : {}),
    ...(guardrail ? { schemaGuardrail: guardrail } : {}),
  };
  return Object.keys(settings).length > 0 ? settings : undefined;
}

function renderReport(ctx: CommandContext, report: DoctorReportDto): string {
  const { style } = ctx;
  const scope = report.tenant ? `tenant ${report.tenant}` : 'all tenants';
  if (report.findings.length === 0) return `${style.green('✓ healthy')}: ${report.checks} checks found nothing wrong (${scope}).`;
  const lines = report.findings.map((finding) => {
    const symbol = SYMBOLS[finding.severity];
    const colored = finding.severity === 'error' ? style.red(symbol) : finding.severity === 'warn' ? style.yellow(symbol) : style.dim(symbol);
    const repair = finding.repairable ? style.dim(`  repair: tenantry repair ${finding.code}${finding.tenant ? ` ${finding.tenant.slug}` : ''}`) : '';
    return [`${colored}  ${style.bold(finding.code)}  ${finding.message}`, `         → ${finding.remediation}`, ...(repair ? [`       ${repair}`] : [])].join(
      '\n',
    );
  });
  const { error, warn, info } = report.summary;
  const verdict = error > 0 ? style.red('✗ failing') : style.yellow('! warnings');
  return [
    ...lines,
    '',
    `${verdict}: ${plural(error, 'error')}, ${plural(warn, 'warning')}, ${info} info across ${plural(report.checks, 'check')} (${scope}).`,
  ].join('\n');
}

function renderNotified(ctx: CommandContext, notified: NotifyResultDto): void {
  const { subscription } = notified;
  if (subscription?.created) {
    ctx.info(`Subscribed ${notified.target} to health.* (id ${subscription.id}).`);
    if (subscription.secret) ctx.info(`Its signing secret, shown once: ${ctx.style.bold(subscription.secret)}`);
  }
  const resolved = notified.resolved > 0 ? ` and ${notified.resolved} resolved` : '';
  if (notified.deliveryError) {
    ctx.info(
      `${ctx.style.red('✗')} ${notified.sent} new finding(s)${resolved} recorded; the delivery failed: ${notified.deliveryError}. It is retried by tenantry events deliver or serve.`,
    );
  } else ctx.info(`Notified ${notified.sent} new finding(s)${resolved} to ${notified.target}${notified.status ? ` (answered ${notified.status})` : ''}.`);
}
