import type { SqlEntityManager } from '@mikro-orm/sql';
import type { Finding } from './types.ts';

/** The findings not yet sent to the webhook: a finding is new until it has been notified once. */
export async function unnotifiedFindings(em: SqlEntityManager, findings: readonly Finding[]): Promise<Finding[]> {
  if (findings.length === 0) return [];
  const rows = await em.execute<{ fingerprint: string }[]>(
    'select fingerprint from tenantry.health_notifications where fingerprint in (select jsonb_array_elements_text(?::jsonb))',
    [fingerprints(findings)],
  );
  const sent = new Set(rows.map((row) => row.fingerprint));
  return findings.filter((finding) => !sent.has(finding.fingerprint));
}

/**
 * Records what was sent, and forgets findings that are gone, so a problem that comes back is new again.
 * Only for a run over every tenant: a run for one tenant forgets nothing.
 */
export async function recordNotified(em: SqlEntityManager, sent: readonly Finding[], present: readonly Finding[], now: Date, wholeRun: boolean): Promise<void> {
  await em.transactional(async (tx) => {
    if (wholeRun) {
      await tx.execute('delete from tenantry.health_notifications where fingerprint not in (select jsonb_array_elements_text(?::jsonb))', [fingerprints(present)]);
    }
    for (const finding of sent) {
      await tx.execute(
        'insert into tenantry.health_notifications (fingerprint, code, tenant_id, first_notified_at) values (?, ?, ?, ?) on conflict (fingerprint) do nothing',
        [finding.fingerprint, finding.code, finding.tenant?.id ?? null, now],
      );
    }
  });
}

/** A JSON array parameter: the driver would expand a JS array into a list of parameters. */
function fingerprints(findings: readonly Finding[]): string {
  return JSON.stringify(findings.map((finding) => finding.fingerprint));
}
