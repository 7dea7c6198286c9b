import { TenantryError, type PlannedRepairDto, type RepairOutcomeDto } from '@tenantry/sdk';
import { CHANGE_FLAGS, changeOptions, defineCommand, type CommandContext } from '../../command.ts';
import { renderOutcome, renderRepairPlan } from './render-repair.ts';

export const repair = defineCommand({
  path: ['repair'],
  summary: 'Repairs what the doctor found, each repair a plan first, applied in a transaction, then checked again.',
  description:
    'Without arguments on a terminal, guides you: pick a finding, read its plan, confirm, watch it run, see the re-check.\n' +
    'Without a terminal, name a check code (and a tenant) or pass --all, and --yes to apply. A repair that destroys\n' +
    'data (dropping an orphan schema, purging) exports first and needs the exact name: typed, or --confirm with --yes.',
  args: [
    { name: 'code', description: 'The check code, e.g. TENANT_NO_OWNER (see docs/doctor.md).', optional: true },
    { name: 'slug', description: 'Only this tenant.', optional: true },
  ],
  flags: [
    { name: 'all', type: 'boolean', description: 'Repair every repairable finding (of the code, when one is given).' },
    ...CHANGE_FLAGS,
    { name: 'yes', type: 'boolean', description: 'Apply without asking (required without a terminal).' },
    { name: 'confirm', type: 'list', placeholder: 'NAME', description: 'The exact name a destructive repair asks for (repeat for several).' },
  ],
  json: true,
  examples: [
    { description: 'Guided, on a terminal', command: 'tenantry repair' },
    { description: 'See what fixing a missing owner would do', command: 'tenantry repair TENANT_NO_OWNER acme-corp --dry-run' },
    { description: 'Fix every missing primary domain, unattended', command: 'tenantry repair NO_PRIMARY_DOMAIN --all --yes' },
    { description: 'Drop an orphan schema after exporting it', command: 'tenantry repair ORPHAN_TENANT_SCHEMA --all --yes --confirm tenant_old_corp' },
  ],
  async run(ctx, { args, flags }) {
    const client = await ctx.client();
    if (!args.code && !flags.all) {
      if (!ctx.interactive || ctx.json) {
        throw TenantryError.invalidInput([{ path: 'code', message: 'is required without a terminal: pass a check code (and a slug), or --all' }]);
      }
      const { repairFlow } = await import('../../../flows/repair.ts');
      await repairFlow({ client, io: ctx.io });
      return undefined;
    }
    const planned = await client.health.plan({ ...(args.code ? { code: args.code } : {}), ...(args.slug ? { slug: args.slug } : {}) });
    const { dryRun, expectFingerprint } = changeOptions(flags);
    if (dryRun || planned.length === 0) return report(ctx, planned, []);
    if (expectFingerprint !== undefined && planned.length !== 1) {
      throw TenantryError.invalidInput([
        { path: '--expect-plan', message: `names the plan of one repair, but ${planned.length} match: give the check code and the tenant of one finding` },
      ]);
    }
    if (flags.yes !== true) {
      if (!ctx.interactive)
        throw TenantryError.invalidInput([{ path: '--yes', message: 'is required to apply repairs without a terminal (or use --dry-run)' }]);
      const { confirmRepairs } = await import('../../../flows/repair.ts');
      return report(ctx, planned, await confirmRepairs({ client, io: ctx.io, planned }));
    }
    // Every destructive repair must be confirmed before the first one runs.
    const confirmations = (flags.confirm as string[] | undefined) ?? [];
    const unconfirmed = planned.filter((item) => item.destructive && !confirmations.includes(item.confirmText ?? ''));
    if (unconfirmed.length > 0) {
      throw new TenantryError('CONFIRMATION_REQUIRED', {
        message: `These repairs destroy data and need --confirm with the exact name: ${unconfirmed.map((item) => `"${item.confirmText ?? ''}"`).join(', ')}.`,
        details: { expected: unconfirmed.map((item) => item.confirmText) },
      });
    }
    const outcomes: RepairOutcomeDto[] = [];
    for (const item of planned) {
      // The plan shown (--expect-plan) or the one just planned: a state that changed in between is PLAN_STALE.
      const options = { expectFingerprint: expectFingerprint ?? item.fingerprint, ...(item.destructive ? { confirm: item.confirmText ?? '' } : {}) };
      outcomes.push(await client.health.repair(item.finding, options));
    }
    return report(ctx, planned, outcomes);
  },
});

function report(ctx: CommandContext, planned: PlannedRepairDto[], outcomes: RepairOutcomeDto[]) {
  const dryRun = outcomes.length === 0;
  if (ctx.json) {
    ctx.outJson(dryRun ? { applied: false, repairs: planned } : { applied: true, repairs: outcomes });
  } else if (planned.length === 0) {
    ctx.out(`${ctx.style.green('✓')} Nothing to repair.`);
  } else if (dryRun) {
    for (const item of planned)
      ctx.out(
        `${renderRepairPlan(item, ctx.style)}\n${ctx.style.dim(`  Plan ${item.fingerprint}: add --expect-plan ${item.fingerprint} to apply exactly this plan.`)}`,
      );
    ctx.out(ctx.style.dim('Dry run: nothing was written. Apply with --yes (and --confirm for destructive repairs).'));
  } else {
    for (const outcome of outcomes) ctx.out(renderOutcome(outcome, ctx.style));
  }
  return outcomes.some((outcome) => outcome.remaining?.severity === 'error') ? { exitKind: 'unhealthy' as const } : undefined;
}
