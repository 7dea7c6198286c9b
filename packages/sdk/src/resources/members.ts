import { listMembers, removeMember, type MemberRefInput } from '@tenantry/core';
import { toChangeDto, type ChangeDto } from '../dto/change.ts';
import { toMemberDto, type MemberDto } from '../dto/members.ts';
import type { ClientRuntime } from '../runtime.ts';
import type { OperationOptions } from '../operation-options.ts';

export interface MemberChangeDto extends ChangeDto {
  member: MemberDto;
}

/**
 * The members of a tenant. Add members with `invitations.send`; change roles with `roles`.
 *
 * @example
 * ```ts
 * const members = await tenantry.members.list('acme-corp');
 * await tenantry.members.remove({ slug: 'acme-corp', email: 'former@acme.com' }, { dryRun: true });
 * ```
 */
export class Members {
  readonly #runtime: ClientRuntime;

  constructor(runtime: ClientRuntime) {
    this.#runtime = runtime;
  }

  /**
   * Members with their roles, oldest first.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`; and, like every method, a database code (see `TenantryClient`)
   */
  async list(slug: string): Promise<MemberDto[]> {
    return this.#runtime.run(async (ctx) => (await listMembers(ctx, slug)).map(toMemberDto));
  }

  /**
   * Removes a member and their roles (the user account stays). Never the last owner: LAST_OWNER.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `MEMBER_NOT_FOUND`, `LAST_OWNER`; and, like every method, a database code (see `TenantryClient`)
   */
  async remove(input: MemberRefInput, options: OperationOptions = {}): Promise<MemberChangeDto> {
    const executed = await this.#runtime.execute(removeMember, input, options);
    return { ...toChangeDto(executed), member: toMemberDto(executed.data.member) };
  }
}
