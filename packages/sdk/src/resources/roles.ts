import { grantRole, listRoleAssignments, permissionTable, revokeRole, type PermissionRow, type RoleChangeInput } from '@tenantry/core';
import { toChangeDto } from '../dto/change.ts';
import { toMemberDto, type RoleAssignmentDto } from '../dto/members.ts';
import type { ClientRuntime } from '../runtime.ts';
import type { MemberChangeDto } from './members.ts';
import type { OperationOptions } from '../operation-options.ts';

/**
 * Role assignments (owner, admin, analyst, viewer) and what each role may do.
 *
 * @example
 * ```ts
 * await tenantry.roles.grant({ slug: 'acme-corp', email: 'dev@acme.com', role: 'admin' });
 * const assignments = await tenantry.roles.list('acme-corp');
 * ```
 */
export class Roles {
  readonly #runtime: ClientRuntime;

  constructor(runtime: ClientRuntime) {
    this.#runtime = runtime;
  }

  /**
   * Every role assignment in a tenant; `id` (`<userId>:<role>`) names one (the HTTP API's DELETE …/roles/{id}).
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`; and, like every method, a database code (see `TenantryClient`)
   */
  async list(slug: string): Promise<RoleAssignmentDto[]> {
    return this.#runtime.run(async (ctx) => (await listRoleAssignments(ctx, slug)).map((row) => ({ id: `${row.userId}:${row.role}`, ...row })));
  }

  /**
   * Grants a role to a member; only an owner (or the platform) grants owner.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `MEMBER_NOT_FOUND`; and, like every method, a database code (see `TenantryClient`)
   */
  async grant(input: RoleChangeInput, options: OperationOptions = {}): Promise<MemberChangeDto> {
    const executed = await this.#runtime.execute(grantRole, input, options);
    return { ...toChangeDto(executed), member: toMemberDto(executed.data.member) };
  }

  /**
   * Revokes a role; the last owner keeps the owner role (LAST_OWNER).
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `MEMBER_NOT_FOUND`, `LAST_OWNER`; and, like every method, a database code (see `TenantryClient`)
   */
  async revoke(input: RoleChangeInput, options: OperationOptions = {}): Promise<MemberChangeDto> {
    const executed = await this.#runtime.execute(revokeRole, input, options);
    return { ...toChangeDto(executed), member: toMemberDto(executed.data.member) };
  }

  /**
   * The permission table: for every operation, the roles that allow it (none: platform only).
   *
   * @throws nothing: it reads a catalog in memory
   */
  permissions(): PermissionRow[] {
    return permissionTable();
  }
}
