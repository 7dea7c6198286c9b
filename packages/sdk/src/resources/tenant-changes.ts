import { updateSecurityPolicy, updateSettings, type SecurityPolicy, type UpdatePolicyInput, type UpdateSettingsInput } from '@tenantry/core';
import { toChangeDto, type ChangeDto } from '../dto/change.ts';
import type { ClientRuntime } from '../runtime.ts';
import type { OperationOptions } from './tenants.ts';

export interface PolicyChangeDto extends ChangeDto {
  /** The policy as it is after the change (or would be, planned). */
  policy: SecurityPolicy;
}

/** Settings: time zone, contact and support addresses, theme, notifications (null clears). */
export function changeSettings(runtime: ClientRuntime, input: UpdateSettingsInput, options: OperationOptions): Promise<ChangeDto> {
  return runtime.run(async (ctx) => toChangeDto(await updateSettings(ctx, input, options)));
}

/** The security policy: 2FA, session timeout, password rules, allowed IP ranges (validated CIDRs). */
export function changePolicy(runtime: ClientRuntime, input: UpdatePolicyInput, options: OperationOptions): Promise<PolicyChangeDto> {
  return runtime.run(async (ctx) => {
    const outcome = await updateSecurityPolicy(ctx, input, options);
    return { ...toChangeDto(outcome), policy: outcome.policy };
  });
}
