import type { ServiceContext } from '../../context.ts';
import { inTenantScope } from './tenant-scope.ts';
import { PLATFORM_ONLY, ROLE_PERMISSIONS, PERMISSIONS, type Permission } from './permissions.ts';
import type { Role } from '../roles/roles.ts';
import { ROLES } from '../roles/roles.ts';

/** Checks that the actor may perform `operation` in the tenant, and that its status allows it; writes nothing. */
export async function authorizeTenantOperation(ctx: ServiceContext, slug: string, operation: Permission): Promise<void> {
  await inTenantScope(ctx, slug, operation, async () => undefined);
}

export interface PermissionRow {
  operation: Permission;
  platformOnly: boolean;
  roles: Role[];
}

/** The permission table as rows: which roles allow each operation. */
export function permissionTable(): PermissionRow[] {
  return PERMISSIONS.map((operation) => ({
    operation,
    platformOnly: PLATFORM_ONLY.includes(operation),
    roles: ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(operation)),
  }));
}
