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

/** A finding notified before that a run over every tenant no longer reports. */
export interface GoneFinding {
  fingerprint: string;
  code: string;
  tenant: { id: string; slug: string } | null;
}

/** Findings notified before that a run over every tenant no longer reports: forgotten, a problem that comes back is new again. */
export async function goneFindings(em: SqlEntityManager, present: readonly Finding[]): Promise<GoneFinding[]> {
  const rows = await em.execute<{ fingerprint: string; code: string; tenant_id: string | null; slug: string | null }[]>(
    `select n.fingerprint, n.code, n.tenant_id, t.slug from tenantry.health_notifications n left join tenantry.tenants t on t.id = n.tenant_id
      where n.fingerprint not in (select jsonb_array_elements_text(?::jsonb)) order by n.fingerprint`,
    [fingerprints(present)],
  );
  return rows.map((row) => ({
    fingerprint: row.fingerprint,
    code: row.code,
    tenant: row.tenant_id !== null && row.slug !== null ? { id: row.tenant_id, slug: row.slug } : null,
  }));
}

/** Records what was sent and forgets what is gone; inside the caller's transaction. */
export async function recordNotified(tx: SqlEntityManager, sent: readonly Finding[], gone: readonly GoneFinding[], now: Date): Promise<void> {
  if (gone.length > 0)
    await tx.execute('delete from tenantry.health_notifications where fingerprint in (select jsonb_array_elements_text(?::jsonb))', [
      JSON.stringify(gone.map((finding) => finding.fingerprint)),
    ]);
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
