import { listMembers, removeMember, type MemberRefInput } from '@tenantry/core';
import { toChangeDto, type ChangeDto } from '../dto/change.ts';
import { toMemberRecordDto, type MemberRecordDto } from '../dto/members.ts';
import type { ClientRuntime } from '../runtime.ts';
import type { OperationOptions } from '../operation-options.ts';

export interface MemberChangeDto extends ChangeDto {
  member: MemberRecordDto;
}

/** The members of a tenant. Add members with `invitations.send`; change roles with `roles`. */
export class Members {
  readonly #runtime: ClientRuntime;

  constructor(runtime: ClientRuntime) {
    this.#runtime = runtime;
  }

  /** Members with their roles, oldest first. */
  async list(slug: string): Promise<MemberRecordDto[]> {
    return this.#runtime.run(async (ctx) => (await listMembers(ctx, slug)).map(toMemberRecordDto));
  }

  /** Removes a member and their roles (the user account stays). Never the last owner: LAST_OWNER. */
  async remove(input: MemberRefInput, options: OperationOptions = {}): Promise<MemberChangeDto> {
    const executed = await this.#runtime.execute(removeMember, input, options);
    return { ...toChangeDto(executed), member: toMemberRecordDto(executed.data.member) };
  }
}
