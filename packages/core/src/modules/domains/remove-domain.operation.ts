import { defineOperation } from '../../operations/operation.ts';
import { Domain } from './domain.entity.ts';
import { domainRefInput } from './domain.schemas.ts';
import { domainNotFound, primaryRemoval, toDomainView } from './domain-view.ts';
import { tenantHostnames } from './domain-writes.ts';
import type { DomainChange } from './primary-switch.ts';

/** Removes a domain; the primary one is refused until another is primary. */
export const removeDomain = defineOperation({
  id: 'domain.remove',
  summary: 'Removes a domain from a tenant; the primary one only after another is primary.',
  scope: 'tenant',
  input: domainRefInput,
  audit: ['domain.removed'],
  async plan(ctx, request) {
    const { tx, tenant } = ctx;
    const domain = await tx.findOne(Domain, { tenant: tenant.id, hostname: request.hostname });
    if (!domain) throw domainNotFound(tenant.slug, request.hostname);
    if (domain.isPrimary) throw primaryRemoval(tenant.slug, domain.hostname);
    const view = toDomainView(domain, tenant.slug);
    const hostnames = await tenantHostnames(ctx);
    return {
      steps: [{ action: 'remove-domain', description: `Remove ${domain.kind} domain ${domain.hostname} from ${tenant.slug}` }],
      changes: [{ field: 'domains', from: hostnames, to: hostnames.filter((hostname) => hostname !== domain.hostname) }],
      basis: { domain: domain.id },
      audit: { targetType: 'domain', targetId: domain.id, before: { hostname: domain.hostname, kind: domain.kind, verified: view.verified } },
      data: { domain, created: false, primarySwitch: false, view } satisfies DomainChange,
    };
  },
  async apply({ tx }, plan) {
    tx.remove(plan.data.domain);
    return plan.data.view;
  },
});
