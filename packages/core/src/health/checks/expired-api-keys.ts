import { recordAudit } from '../../modules/audit/audit.service.ts';
import { tenantFilter, tenantFinding, type Check, type Repair, type TenantRow } from '../types.ts';

interface ExpiredKeysRow extends TenantRow {
  keys: number;
  prefixes: string[];
}

const revokeExpiredKeys: Repair = {
  async plan(_ctx, finding) {
    const prefixes = (finding.details.prefixes as string[] | undefined) ?? [];
    return {
      destructive: false,
      confirmText: null,
      steps: [
        {
          action: 'revoke-api-keys',
          description: `Revoke ${prefixes.length} expired API key(s) of ${finding.tenant?.slug ?? ''}: ${prefixes.join(', ')}`,
          sql: [
            `update tenantry.api_keys set revoked_at = now() where tenant_id = '${finding.tenant?.id ?? ''}' and revoked_at is null and expires_at < now()`,
          ],
        },
      ],
    };
  },
  async apply(ctx, finding) {
    const revoked = await ctx.em.execute<{ id: string; prefix: string; name: string }[]>(
      `update tenantry.api_keys set revoked_at = ? where tenant_id = ? and revoked_at is null and expires_at < ? returning id, prefix, name`,
      [ctx.now(), finding.tenant?.id, ctx.now()],
    );
    for (const key of revoked) {
      if (finding.tenant)
        recordAudit(ctx, ctx.em, {
          action: 'apikey.revoked',
          tenant: finding.tenant,
          targetType: 'api_key',
          targetId: key.id,
          before: { prefix: key.prefix, name: key.name, status: 'expired' },
          after: { status: 'revoked', reason: 'expired' },
        });
    }
    await ctx.em.flush();
  },
};

export const expiredApiKeys: Check = {
  code: 'API_KEYS_EXPIRED_ACTIVE',
  title: 'Expired API keys never revoked',
  severity: 'warn',
  scope: 'tenant',
  description:
    'API keys past their expiry that were never revoked: verification already refuses them, but they still look live in listings and a later change to the expiry would bring them back.',
  remediation: 'Revoke them (`tenantry repair API_KEYS_EXPIRED_ACTIVE <slug>`), and create replacements where they are still needed.',
  repair: revokeExpiredKeys,
  async run(ctx) {
    const filter = tenantFilter(ctx);
    const rows = await ctx.em.execute<ExpiredKeysRow[]>(
      `select t.id as tenant_id, t.slug, t.name, count(*)::int as keys, array_agg(k.prefix order by k.prefix) as prefixes
         from tenantry.api_keys k join tenantry.tenants t on t.id = k.tenant_id
        where k.revoked_at is null and k.expires_at < ?${filter.sql}
        group by t.id, t.slug, t.name
        order by t.slug`,
      [ctx.now, ...filter.params],
    );
    return rows.map((row) =>
      tenantFinding(this, row, `${row.slug} has ${row.keys} expired API key(s) not revoked: ${row.prefixes.join(', ')}.`, {
        keys: row.keys,
        prefixes: row.prefixes,
      }),
    );
  },
};
