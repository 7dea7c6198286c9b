import type { DemoData } from './blueprint.ts';
import type { IsolationMode } from './isolation-mode.ts';
import type { PlannedScript } from './planned-script.ts';

/** The label of the demo data's script part: a failure in it is reported under this name. */
export const DEMO_DATA_PART = 'demo-data';

/**
 * Adds the blueprint's demo data to a script: its step and the part that runs it, in the tenant's data
 * space (`schema`). Provisioning and `tenant.seed_demo` both build it here, so they run the same statements.
 */
export function planDemoData(planned: PlannedScript, data: DemoData, mode: IsolationMode, schema: string): void {
  const body = mode === 'shared' ? (data.shared ?? data.schema) : data.schema;
  planned.body(DEMO_DATA_PART, { action: 'seed-demo-data', description: `Seed demo data in ${schema}: ${data.description}` }, body, data.version);
}
