import { PLAN_CATALOG, PLAN_CODES, changePlan, setFeature, type ChangePlanInput, type PlanDefinition, type SetFeatureInput } from '@tenantry/core';
import { toChangeDto, type ChangeDto } from '../dto/change.ts';
import type { ClientRuntime } from '../runtime.ts';
import type { OperationOptions } from '../operation-options.ts';

export interface PlanChangeDto extends ChangeDto {
  direction: 'upgrade' | 'downgrade' | 'same';
}

/**
 * The plan catalog, and moving tenants between plans (platform operator only).
 *
 * @example
 * ```ts
 * const plans = tenantry.plans.catalog();
 * const change = await tenantry.plans.change({ slug: 'acme-corp', plan: 'enterprise' }, { dryRun: true });
 * ```
 */
export class Plans {
  readonly #runtime: ClientRuntime;

  constructor(runtime: ClientRuntime) {
    this.#runtime = runtime;
  }

  /**
   * The plans with their limits and features, cheapest first.
   *
   * @throws nothing: it reads a catalog in memory
   */
  catalog(): PlanDefinition[] {
    return PLAN_CODES.map((code) => PLAN_CATALOG[code]);
  }

  /**
   * Moves a tenant to a plan, with optional limit overrides and feature switches, as a diff. A limit
   * below current usage is refused with the numbers (DOWNGRADE_BELOW_USAGE).
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`, `DOWNGRADE_BELOW_USAGE`; and, like every method, a database code (see `TenantryClient`)
   */
  async change(input: ChangePlanInput, options: OperationOptions = {}): Promise<PlanChangeDto> {
    const executed = await this.#runtime.execute(changePlan, input, options);
    return { ...toChangeDto(executed), direction: executed.data.direction };
  }

  /**
   * Switches one feature of a tenant on or off.
   *
   * @throws {@link TenantryError} `TENANT_NOT_FOUND`, `FORBIDDEN`, `INVALID_INPUT`; and, like every method, a database code (see `TenantryClient`)
   */
  async setFeature(input: SetFeatureInput, options: OperationOptions = {}): Promise<ChangeDto> {
    return toChangeDto(await this.#runtime.execute(setFeature, input, options));
  }
}
