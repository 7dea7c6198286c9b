import type { ServiceContext } from '../../context.ts';
import { inTenantScope } from './tenant-scope.ts';
import { PLATFORM_ONLY, ROLE_PERMISSIONS, OPERATIONS, type Operation } from './permissions.ts';
import type { Role } from '../roles/roles.ts';
import { ROLES } from '../roles/roles.ts';

/** Checks that the actor may perform `operation` in the tenant, and that its status allows it; writes nothing. */
export async function authorizeTenantOperation(ctx: ServiceContext, slug: string, operation: Operation): Promise<void> {
  await inTenantScope(ctx, slug, operation, async () => undefined);
}

export interface PermissionRow {
  operation: Operation;
  platformOnly: boolean;
  roles: Role[];
}

/** The permission table as rows: which roles allow each operation. */
export function permissionTable(): PermissionRow[] {
  return OPERATIONS.map((operation) => ({
    operation,
    platformOnly: PLATFORM_ONLY.includes(operation),
    roles: ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(operation)),
  }));
}
