import type { ServiceContext } from '../../context.ts';
import { tenantMigrationStatus, type TenantMigrationStatus } from '../../isolation/migration-status.ts';
import { blueprintOf } from '../../isolation/sample-blueprint.ts';
import { requirePlatform } from '../permissions/authorize.ts';

/** The status for the platform operator (it lists every tenant). */
export async function getTenantMigrationStatus(ctx: ServiceContext): Promise<TenantMigrationStatus> {
  requirePlatform(ctx, 'migrate.status');
  return tenantMigrationStatus(ctx.em, blueprintOf(ctx));
}
