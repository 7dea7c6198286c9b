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

/** Findings notified before that a run over every tenant no longer reports: forgotten, a problem that comes back is new again. */
export async function goneFindings(em: SqlEntityManager, present: readonly Finding[]): Promise<string[]> {
  const rows = await em.execute<{ fingerprint: string }[]>(
    'select fingerprint from tenantry.health_notifications where fingerprint not in (select jsonb_array_elements_text(?::jsonb)) order by fingerprint',
    [fingerprints(present)],
  );
  return rows.map((row) => row.fingerprint);
}

/** Records what was sent and forgets what is gone; inside the caller's transaction. */
export async function recordNotified(tx: SqlEntityManager, sent: readonly Finding[], gone: readonly string[], now: Date): Promise<void> {
  if (gone.length > 0)
    await tx.execute('delete from tenantry.health_notifications where fingerprint in (select jsonb_array_elements_text(?::jsonb))', [JSON.stringify(gone)]);
  for (const finding of sent) {
    await tx.execute(
      'insert into tenantry.health_notifications (fingerprint, code, tenant_id, first_notified_at) values (?, ?, ?, ?) on conflict (fingerprint) do nothing',
      [finding.fingerprint, finding.code, finding.tenant?.id ?? null, now],
    );
  }
}

/** A JSON array parameter: the driver would expand a JS array into a list of parameters. */
function fingerprints(findings: readonly Finding[]): string {
  return JSON.stringify(findings.map((finding) => finding.fingerprint));
}
