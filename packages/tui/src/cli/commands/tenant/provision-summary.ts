import type { ProvisionResultDto } from '@tenantry/sdk';
import type { Style } from '../../output/style.ts';
import { fields, formatLimits } from '../../output/format.ts';
import { sqlBlock } from '../../output/sql-block.ts';

/** Without a primary domain there is no login URL yet: a custom domain waits for its verification. */
function noLogin(result: ProvisionResultDto): string {
  const waiting = result.domains.find((domain) => domain.kind === 'custom');
  return waiting
    ? `(none until ${waiting.hostname} is verified: tenantry domain verify ${result.tenant.slug} ${waiting.hostname})`
    : '(no domain yet: tenantry domain add)';
}

/** The operator's summary, in the runbooks' format: organization, login, username, password. */
export function renderProvisionSummary(result: ProvisionResultDto, style: Style): string {
  const { tenant, owner } = result;
  if (result.result === 'planned') return renderPlan(result, style);
  if (result.result === 'unchanged') {
    return `${style.green('✓')} Tenant ${style.bold(tenant.slug)} already exists exactly as requested; nothing changed.\n`;
  }
  const primary = result.domains.find((domain) => domain.isPrimary);
  const rows: [string, string][] = [
    ['Organization', tenant.name],
    ['Slug', tenant.slug],
    ['Plan', `${tenant.plan} (${formatLimits(tenant.limits)})`],
    ...adoptionRows(result),
    ['Login', primary ? `https://${primary.hostname}/login` : noLogin(result)],
    ['Username', owner.email],
    ['Password', passwordLine(result, style)],
  ];
  const rule = '-'.repeat(48);
  return [
    `${style.green('✓')} Created tenant ${style.bold(tenant.name)} (${tenant.slug}) with owner ${owner.email}`,
    '',
    `--- Tenant Provisioned Successfully ${'-'.repeat(12)}`,
    fields(rows, ''),
    rule,
    '',
  ].join('\n');
}

/** An adopted schema: which migrations it had (recorded, not run) and which ran in it. */
function adoptionRows(result: ProvisionResultDto): [string, string][] {
  if (!result.adoption) return [];
  const { schema, recorded, run } = result.adoption;
  return [['Schema', `${schema} (adopted: recorded ${recorded.join(', ') || 'none'}; ran ${run.join(', ') || 'none'})`]];
}

function passwordLine(result: ProvisionResultDto, style: Style): string {
  const { owner } = result;
  if (owner.oneTimePassword) {
    return `${style.bold(owner.oneTimePassword)}  ${style.yellow('(shown once: store it now; it must be changed at first login)')}`;
  }
  if (owner.existingUser) return '(existing user: their password is unchanged)';
  return '(the password you gave; it must be changed at first login)';
}

function renderPlan(result: ProvisionResultDto, style: Style): string {
  const lines = [`${style.bold(`Plan ${result.fingerprint}`)} for tenant ${style.bold(result.tenant.slug)} ${style.dim('(dry run: nothing was written)')}`, ''];
  result.steps.forEach((step, index) => {
    lines.push(`  ${index + 1}. ${step.description}`);
    for (const sql of step.sql ?? []) lines.push(style.dim(sqlBlock(sql, '       ')));
  });
  lines.push(
    '',
    `Run again without --dry-run to apply it; add --expect-plan ${result.fingerprint} to apply exactly this plan (refused if anything changed since).`,
    '',
  );
  return lines.join('\n');
}
