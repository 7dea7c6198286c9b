import { healthCatalog } from '@tenantry/sdk';

/** docs/doctor.md: every health check, from the catalog the doctor runs. */
export function renderDoctorDocs(): string {
  const catalog = healthCatalog();
  const sections = catalog.map((check) =>
    [
      `## \`${check.code}\``,
      '',
      `**${check.title}** · severity ${check.severity} · scope ${check.scope} · ${check.repairable ? 'repairable' : 'no automatic repair'}`,
      '',
      check.description,
      '',
      `Remediation: ${check.remediation}`,
      '',
    ].join('\n'),
  );
  return [
    '# Doctor checks',
    '',
    '<!-- Generated from the health check catalog by `pnpm docs:generate`; do not edit by hand. -->',
    '',
    '`tenantry doctor [<slug>]` runs every check below; each is one set-based SQL query over all tenants, not a',
    'query per tenant. It exits 9 when any finding has error severity. `tenantry repair` fixes the repairable ones:',
    'every repair is a plan first (steps and SQL), runs in one transaction, is audited (`health.repaired`), and the',
    'check runs again afterwards. Repairs that destroy data export first and need the exact name typed back, or',
    '`--yes --confirm <name>`.',
    '',
    '| code | severity | scope | repair | title |',
    '| --- | --- | --- | --- | --- |',
    ...catalog.map(
      (check) =>
        `| [\`${check.code}\`](#${check.code.toLowerCase()}) | ${check.severity} | ${check.scope} | ${check.repairable ? 'yes' : 'no'} | ${check.title} |`,
    ),
    '',
    ...sections,
  ].join('\n');
}
