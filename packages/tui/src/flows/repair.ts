import * as prompts from '@clack/prompts';
import { TenantryError, type PlannedRepairDto, type RepairOutcomeDto, type TenantryClient } from '@tenantry/sdk';
import type { IO } from '../cli/command.ts';
import { plural } from '../text/plural.ts';

interface FlowOptions {
  client: TenantryClient;
  io: Pick<IO, 'stdin' | 'stdout'>;
}

const SEVERITY_MARKS = { error: '✗', warn: '!', info: '·' } as const;

/** Guided repair: pick a finding, read its plan, confirm, watch it run, see the re-check; again until done. */
export async function repairFlow({ client, io }: FlowOptions): Promise<RepairOutcomeDto[]> {
  const streams = { input: io.stdin, output: io.stdout };
  prompts.intro('Repair', streams);
  const outcomes: RepairOutcomeDto[] = [];
  for (;;) {
    const planned = await client.health.plan();
    if (planned.length === 0) {
      prompts.outro(outcomes.length > 0 ? 'Nothing left to repair.' : 'Nothing to repair: no finding has an automatic repair.', streams);
      return outcomes;
    }
    const choice = answered(
      await prompts.select<number>({
        ...streams,
        message: `${plural(planned.length, 'finding')} can be repaired. Which one?`,
        options: [
          ...planned.map((item, index) => ({
            value: index,
            label: `${SEVERITY_MARKS[item.finding.severity]} ${item.finding.code}`,
            hint: item.finding.message,
          })),
          { value: -1, label: 'Done' },
        ],
      }),
    );
    const item = planned[choice];
    if (!item) {
      prompts.outro('Done.', streams);
      return outcomes;
    }
    const outcome = await confirmAndApply(client, item, streams, io);
    if (outcome) outcomes.push(outcome);
  }
}

/** Shows each plan and applies those the operator confirms (for `tenantry repair CODE` on a terminal). */
export async function confirmRepairs({ client, io, planned }: FlowOptions & { planned: PlannedRepairDto[] }): Promise<RepairOutcomeDto[]> {
  const streams = { input: io.stdin, output: io.stdout };
  const outcomes: RepairOutcomeDto[] = [];
  for (const item of planned) {
    const outcome = await confirmAndApply(client, item, streams, io);
    if (outcome) outcomes.push(outcome);
  }
  return outcomes;
}

async function confirmAndApply(
  client: TenantryClient,
  item: PlannedRepairDto,
  streams: { input: IO['stdin']; output: IO['stdout'] },
  io: Pick<IO, 'stdout'>,
): Promise<RepairOutcomeDto | undefined> {
  const plan = item.steps.map((step, index) => [`${index + 1}. ${step.description}`, ...(step.sql ?? []).map((sql) => `   ${sql}`)].join('\n')).join('\n');
  prompts.note(plan, `Plan: ${item.finding.code}${item.finding.tenant ? ` (${item.finding.tenant.slug})` : ''}`, streams);
  let confirm: string | undefined;
  if (item.destructive) {
    const expected = item.confirmText ?? '';
    confirm = answered(
      await prompts.text({
        ...streams,
        message: `This destroys data. Type "${expected}" to confirm`,
        validate: (value) => (value === expected ? undefined : `Type exactly ${expected}`),
      }),
    );
  } else if (!answered(await prompts.confirm({ ...streams, message: 'Apply this repair?', initialValue: true }))) {
    prompts.log.info('Skipped: nothing was written.', streams);
    return undefined;
  }
  const progress = prompts.spinner({ output: io.stdout });
  progress.start(`Repairing ${item.finding.code}`);
  try {
    const outcome = await client.health.repair(item.finding, { expectFingerprint: item.fingerprint, ...(confirm === undefined ? {} : { confirm }) });
    progress.stop(
      outcome.remaining
        ? `Applied, but the check still reports: ${outcome.remaining.message}`
        : `Repaired: the re-check no longer reports ${item.finding.code}`,
    );
    return outcome;
  } catch (error) {
    progress.error(`Repair failed; its transaction was rolled back`);
    throw error;
  }
}

function answered<T>(value: T): Exclude<T, symbol> {
  if (prompts.isCancel(value)) throw new TenantryError('CANCELLED', { message: 'Cancelled: nothing more was written.' });
  return value as Exclude<T, symbol>;
}
