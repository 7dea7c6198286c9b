import * as prompts from '@clack/prompts';
import {
  PLAN_CATALOG,
  PLAN_CODES,
  TenantryError,
  provisionInputIssues,
  slugFromName,
  type PlanCode,
  type ProvisionResultDto,
  type ProvisionTenantInput,
  type TenantryClient,
} from '@tenantry/sdk';
import type { IO } from '../cli/command.ts';

export interface CreateTenantFlowOptions {
  client: TenantryClient;
  /** What the flags already gave; only the missing values are asked for. */
  input: Partial<ProvisionTenantInput>;
  dryRun: boolean;
  io: Pick<IO, 'stdin' | 'stdout'>;
}

/** Asks for the missing required values (validated as typed), shows the plan, confirms, then provisions. */
export async function createTenantFlow({ client, input, dryRun, io }: CreateTenantFlowOptions): Promise<ProvisionResultDto> {
  const streams = { input: io.stdin, output: io.stdout };
  prompts.intro('Provision a tenant', streams);
  const answers: Partial<ProvisionTenantInput> = { ...input };
  const fieldProblem = (field: string, value: Partial<ProvisionTenantInput>) =>
    provisionInputIssues({ ...answers, ...value }).find((issue) => issue.path === field)?.message;

  if (!answers.name) {
    answers.name = answered(
      await prompts.text({
        ...streams,
        message: 'Organization name',
        placeholder: 'Acme Corp',
        validate: (value) => fieldProblem('name', { name: value ?? '' }),
      }),
    );
  }
  if (!input.slug) answers.slug = await askFreeSlug(client, answers.name, streams, (slug) => fieldProblem('slug', { slug }));
  if (!answers.ownerEmail) {
    answers.ownerEmail = answered(
      await prompts.text({
        ...streams,
        message: "Owner's email",
        placeholder: 'owner@example.com',
        validate: (value) => fieldProblem('ownerEmail', { ownerEmail: value ?? '' }),
      }),
    );
  }
  if (!input.plan) {
    answers.plan = answered(
      await prompts.select<PlanCode>({
        ...streams,
        message: 'Plan',
        initialValue: 'basic',
        options: PLAN_CODES.map((code) => ({
          value: code,
          label: PLAN_CATALOG[code].title,
          hint: `${PLAN_CATALOG[code].limits.maxUsers} users, ${PLAN_CATALOG[code].limits.storageQuotaGb} GB`,
        })),
      }),
    );
  }

  const request = { ...answers, name: answers.name, ownerEmail: answers.ownerEmail };
  const plan = await client.tenants.provision(request, { dryRun: true });
  if (plan.result === 'unchanged' || dryRun) {
    prompts.outro(plan.result === 'unchanged' ? 'Nothing to do.' : 'Dry run: nothing was written.', streams);
    return plan;
  }
  prompts.note(plan.steps.map((step, index) => `${index + 1}. ${step.description}`).join('\n'), 'Plan', streams);
  const confirmed = answered(await prompts.confirm({ ...streams, message: 'Apply this plan?', initialValue: true }));
  if (!confirmed) throw cancelled();
  const progress = prompts.spinner({ output: io.stdout });
  progress.start('Provisioning');
  try {
    // Exactly the plan shown: if anything changed since, PLAN_STALE and nothing is written.
    const result = await client.tenants.provision(request, { expectFingerprint: plan.fingerprint });
    progress.stop(`Provisioned ${result.tenant.slug}`);
    return result;
  } catch (error) {
    progress.error('Provisioning failed; nothing was written');
    throw error;
  }
}

/** Asks for a slug until a free one is given, offering free alternatives after a taken one. */
async function askFreeSlug(
  client: TenantryClient,
  name: string,
  streams: { input: IO['stdin']; output: IO['stdout'] },
  problem: (slug: string) => string | undefined,
): Promise<string> {
  let initialValue = slugFromName(name);
  for (;;) {
    const slug = answered(await prompts.text({ ...streams, message: 'Slug (used in URLs)', initialValue, validate: (value) => problem(value ?? '') }));
    const check = await client.tenants.checkSlug(slug);
    if (check.available) return slug;
    const free = await client.tenants.suggestSlugs(name);
    prompts.log.warn(`${slug} is not available (${check.reason ?? 'taken'}). Free: ${free.join(', ') || 'none found'}`, streams);
    initialValue = free[0] ?? slug;
  }
}

function answered<T>(value: T): Exclude<T, symbol> {
  if (prompts.isCancel(value)) throw cancelled();
  return value as Exclude<T, symbol>;
}

function cancelled(): TenantryError {
  return new TenantryError('CANCELLED', { message: 'Cancelled: nothing was written.' });
}
