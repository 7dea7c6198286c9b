import { readChain } from '../../modules/audit/audit-chain.ts';
import type { Check } from '../types.ts';

export const auditChainBroken: Check = {
  code: 'AUDIT_CHAIN_BROKEN',
  title: 'Audit trail tampered with',
  severity: 'error',
  scope: 'database',
  description:
    'The audit trail is a hash chain the database extends on every insert. An event that no longer matches its hash (edited), a gap in the chain (deleted) or an event outside it (inserted) means someone changed the trail around its append-only triggers, for instance as the table owner with the triggers off.',
  remediation:
    'Find out who had owner rights on tenantry.audit_events; compare the trail with a backup or an export around the event named (`tenantry audit verify` gives the details). The chain is never rewritten by Tenantry.',
  async run(ctx) {
    if (ctx.tenantId) return [];
    // Inside the caller's transaction when there is one (the doctor run of a notification): a second connection would wait on it.
    const report = await readChain(ctx.em.fork({ keepTransactionContext: true }));
    if (!report.broken) return [];
    const { kind, id, detail } = report.broken;
    return [
      {
        code: this.code,
        severity: this.severity,
        scope: 'database',
        tenant: null,
        subject: id === null ? 'audit_events' : `audit_events#${id}`,
        message: `The audit trail was ${kind}: ${detail}`,
        remediation: this.remediation,
        repairable: false,
        fingerprint: `${this.code}::${kind}:${id ?? ''}`,
        details: { kind, id, events: report.events, head: report.head },
      },
    ];
  },
};
