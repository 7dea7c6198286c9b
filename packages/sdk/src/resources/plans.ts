import { PLAN_CATALOG, PLAN_CODES, changePlan, setFeature, type ChangePlanInput, type PlanDefinition, type SetFeatureInput } from '@tenantry/core';
import { toChangeDto, type ChangeDto } from '../dto/change.ts';
import type { ClientRuntime } from '../runtime.ts';
import type { OperationOptions } from '../operation-options.ts';

export interface PlanChangeDto extends ChangeDto {
  direction: 'upgrade' | 'downgrade' | 'same';
}

/** The plan catalog, and moving tenants between plans (platform operator only). */
export class Plans {
  readonly #runtime: ClientRuntime;

  constructor(runtime: ClientRuntime) {
    this.#runtime = runtime;
  }

  /** The plans with their limits and features, cheapest first. */
  catalog(): PlanDefinition[] {
    return PLAN_CODES.map((code) => PLAN_CATALOG[code]);
  }

  /**
   * Moves a tenant to a plan, with optional limit overrides and feature switches, as a diff. A limit
   * below current usage is refused with the numbers (DOWNGRADE_BELOW_USAGE).
   */
  async change(input: ChangePlanInput, options: OperationOptions = {}): Promise<PlanChangeDto> {
    const executed = await this.#runtime.execute(changePlan, input, options);
    return { ...toChangeDto(executed), direction: executed.data.direction };
  }

  /** Switches one feature of a tenant on or off. */
  async setFeature(input: SetFeatureInput, options: OperationOptions = {}): Promise<ChangeDto> {
    return toChangeDto(await this.#runtime.execute(setFeature, input, options));
  }
}
