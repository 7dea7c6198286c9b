import type { SqlEntityManager } from '@mikro-orm/sql';
import { dropDataSpaceStep, dropTenantDataSpace, type DroppedDataSpace } from '../../isolation/data-space.ts';
import type { PlanStep } from '../../plan.ts';
import { defineOperation } from '../../operations/operation.ts';
import type { Tenant } from '../tenants/tenant.entity.ts';
import { gracePeriodActive, invalidTransition } from './lifecycle-errors.ts';
import { purgeTenantInput } from './lifecycle.schemas.ts';

export interface PurgeCounts {
  members: number;
  /** Users whose only tenant this was: their accounts go too. */
  usersDeleted: number;
  domains: number;
  apiKeys: number;
  invitations: number;
  outboxMessages: number;
}

/**
 * Removes a tenant for good, in one transaction: its data space, members (and the accounts that
 * belonged to no other tenant), domains, API keys, invitations and queued mail. What stays is a
 * tombstone (status `deleted`: slug, name, plan, dates; the slug is never handed out again) and the
 * audit trail. Only a tenant pending deletion, after its grace period unless `force`; needs the exact name.
 */
export const purgeTenant = defineOperation({
  id: 'tenant.purge',
  summary: 'Removes a tenant pending deletion for good, keeping a tombstone and the audit trail.',
  scope: 'tenant',
  input: purgeTenantInput,
  audit: ['tenant.purged'],
  async plan({ tx, tenant, now }, request) {
    if (tenant.status === 'deleted')
      return { unchanged: true, steps: [], data: { counts: null as PurgeCounts | null, dataSpace: null as DroppedDataSpace | null } };
    if (tenant.status !== 'pending_deletion') {
      throw invalidTransition(
        tenant,
        'purge',
        `Delete it first (\`tenantry tenant delete ${tenant.slug} --confirm "${tenant.name}"\`); it stays restorable for the grace period.`,
      );
    }
    if (!request.force && tenant.deletionScheduledAt && tenant.deletionScheduledAt > now()) throw gracePeriodActive(tenant, now());
    const counts = await countOwned(tx, tenant.id);
    return {
      steps: planSteps(tenant, counts),
      changes: [{ field: 'status', from: 'pending_deletion', to: 'deleted' }],
      confirm: { text: tenant.name, label: `the exact name of ${tenant.slug}` },
      basis: counts,
      audit: {
        before: {
          name: tenant.name,
          plan: tenant.plan,
          status: tenant.status,
          isolation: tenant.isolation,
          schemaName: tenant.schemaName ?? null,
          deletionScheduledAt: tenant.deletionScheduledAt ?? null,
        },
        after: { status: 'deleted', forced: request.force, ...counts },
      },
      data: { counts, dataSpace: null as DroppedDataSpace | null },
    };
  },
  async apply({ tx, tenant, now }, plan) {
    const dataSpace = await dropTenantDataSpace(tx, tenant);
    const orphans = await tx.execute<{ id: string }[]>(
      `select m.user_id as id from tenantry.memberships m
        where m.tenant_id = ? and not exists (select 1 from tenantry.memberships o where o.user_id = m.user_id and o.tenant_id <> m.tenant_id)`,
      [tenant.id],
    );
    for (const table of ['api_keys', 'invitations', 'outbox_messages', 'domains', 'memberships']) {
      await tx.execute(`delete from tenantry.${table} where tenant_id = ?`, [tenant.id]);
    }
    if (orphans.length > 0)
      await tx.execute(
        `delete from tenantry.users where id in (${orphans.map(() => '?').join(', ')})`,
        orphans.map((row) => row.id),
      );
    const at = now();
    tenant.status = 'deleted';
    tenant.purgedAt = at;
    tenant.contactEmail = null;
    tenant.supportEmail = null;
    tenant.supportPhone = null;
    tenant.settings = {};
    tenant.statusBeforeDeletion = null;
    tenant.provisionFingerprint = `purged:${at.toISOString()}`;
    if (plan.audit?.after) plan.audit.after.dataSpace = dataSpace;
    return { counts: plan.data.counts, dataSpace };
  },
});

async function countOwned(tx: SqlEntityManager, tenantId: string): Promise<PurgeCounts> {
  const [row] = await tx.execute<Record<keyof PurgeCounts, number>[]>(
    `select
       (select count(*) from tenantry.memberships where tenant_id = ?)::int as members,
       (select count(*) from tenantry.memberships m where m.tenant_id = ?
          and not exists (select 1 from tenantry.memberships o where o.user_id = m.user_id and o.tenant_id <> m.tenant_id))::int as "usersDeleted",
       (select count(*) from tenantry.domains where tenant_id = ?)::int as domains,
       (select count(*) from tenantry.api_keys where tenant_id = ?)::int as "apiKeys",
       (select count(*) from tenantry.invitations where tenant_id = ?)::int as invitations,
       (select count(*) from tenantry.outbox_messages where tenant_id = ?)::int as "outboxMessages"`,
    [tenantId, tenantId, tenantId, tenantId, tenantId, tenantId],
  );
  return row ?? { members: 0, usersDeleted: 0, domains: 0, apiKeys: 0, invitations: 0, outboxMessages: 0 };
}

function planSteps(tenant: Tenant, counts: PurgeCounts): PlanStep[] {
  return [
    dropDataSpaceStep(tenant),
    {
      action: 'delete-access',
      description: `Delete ${counts.members} membership(s) with their roles, ${counts.domains} domain(s), ${counts.apiKeys} API key(s), ${counts.invitations} invitation(s) and ${counts.outboxMessages} queued message(s)`,
    },
    { action: 'delete-orphan-users', description: `Delete ${counts.usersDeleted} user account(s) that belong to no other tenant` },
    {
      action: 'tombstone',
      description: `Keep a tombstone of ${tenant.slug} ("${tenant.name}", status deleted; contact details and settings erased) so the slug is never reused`,
    },
    { action: 'audit', description: 'Record the purge; the audit trail of the tenant stays' },
  ];
}
