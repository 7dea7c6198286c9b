import { TenantryError } from '../../errors.ts';
import { planDemoData } from '../../isolation/demo-data.ts';
import { IsolationErrors } from '../../isolation/isolation-errors.ts';
import { sqlStateOf } from '../../isolation/migration-unit.ts';
import { SHARED_SCHEMA } from '../../isolation/names.ts';
import { PlannedScript } from '../../isolation/planned-script.ts';
import { runScript } from '../../isolation/runner.ts';
import { blueprintOf } from '../../isolation/sample-blueprint.ts';
import { defineOperation } from '../../operations/operation.ts';
import { tenantSuspended } from '../permissions/tenant-scope.ts';
import { seedDemoInput } from './data-space.schemas.ts';
import { DemoDataErrors } from './demo-data-errors.ts';
import { countTenantRows, missingMigrations, type TableRows } from './tenant-rows.ts';

/** What seeding did per table: the tenant's rows before, after, and the demo rows added. */
export interface SeededTable {
  table: string;
  before: number;
  after: number;
  added: number;
}

/**
 * Seeds the blueprint's demo data into an existing tenant's data space, in one transaction, with the very
 * statements provisioning runs for it (`planDemoData`). Refused while any of the tenant's tables holds a
 * row (DATA_SPACE_NOT_EMPTY, naming them) unless `addToExisting`, which adds the demo rows alongside and
 * deletes nothing; refused for a suspended tenant, one behind the blueprint's migrations, or a blueprint
 * without demo data. The row counts are the plan's basis: a row written since the plan was shown makes it stale.
 */
export const seedDemo = defineOperation({
  id: 'tenant.seed_demo',
  summary: "Seeds the blueprint's demo data into an existing tenant's data space (refused when its tables hold rows, unless added to them).",
  scope: 'tenant',
  input: seedDemoInput,
  audit: ['tenant.demo_seeded'],
  async plan(ctx, request) {
    const { tx, tenant } = ctx;
    // The platform may change a suspended tenant's settings, but not fill its data space.
    if (tenant.status === 'suspended') throw tenantSuspended(tenant);
    const blueprint = blueprintOf(ctx);
    if (!blueprint.demoData) throw DemoDataErrors.none(blueprint.name);
    const schema = tenant.isolation === 'schema' ? tenant.schemaName : SHARED_SCHEMA;
    if (!schema) throw IsolationErrors.dataSpaceMissing(tenant.slug, 'it has no schema name');
    const missing = await missingMigrations(
      tx,
      tenant.id,
      blueprint.migrations.map((migration) => migration.id),
    );
    if (missing.length > 0) throw DemoDataErrors.migrationsPending(tenant.slug, missing);
    const tables = await countTenantRows(tx, tenant, schema);
    const occupied = tables.filter((table) => table.rows > 0);
    if (occupied.length > 0 && !request.addToExisting) throw DemoDataErrors.notEmpty(tenant.slug, occupied);

    const planned = new PlannedScript();
    planDemoData(planned, blueprint.demoData, tenant.isolation, schema);
    const alongside = occupied.length > 0 ? `, alongside the rows already there (${occupied.map((table) => `${table.table} ${table.rows}`).join(', ')})` : '';
    return {
      steps: [...planned.steps, { action: 'audit', description: `Record tenant.demo_seeded with the rows added per table${alongside}` }],
      basis: { tables, steps: planned.steps },
      audit: {
        targetType: 'data_space',
        targetId: schema,
        before: { rows: rowsByTable(tables) },
        after: { demoData: blueprint.demoData.description, addToExisting: request.addToExisting },
      },
      data: { schema, tables, script: planned.script },
    };
  },
  async apply({ tx, tenant }, plan) {
    const { schema, tables, script } = plan.data;
    try {
      await runScript(tx, script, { mode: tenant.isolation, schema, tenantId: tenant.id }, tenant.slug);
    } catch (error) {
      throw collision(tenant.slug, error) ?? error;
    }
    const after = await countTenantRows(tx, tenant, schema);
    const seeded: SeededTable[] = after.map((table) => {
      const before = tables.find((candidate) => candidate.table === table.table)?.rows ?? 0;
      return { table: table.table, before, after: table.rows, added: table.rows - before };
    });
    if (plan.audit?.after) {
      plan.audit.after.rows = rowsByTable(after);
      plan.audit.after.added = Object.fromEntries(seeded.map((table) => [table.table, table.added]));
    }
    return { tables: seeded };
  },
});

function rowsByTable(tables: readonly TableRows[]): Record<string, number> {
  return Object.fromEntries(tables.map((table) => [table.table, table.rows]));
}

/** A demo row that violates a key or constraint of the rows already there: DEMO_DATA_CONFLICT. */
function collision(slug: string, error: unknown): TenantryError | undefined {
  const cause = error instanceof TenantryError ? error.cause : error;
  if (!sqlStateOf(cause)?.startsWith('23')) return undefined;
  return DemoDataErrors.conflict(slug, constraintOf(cause), cause);
}

function constraintOf(error: unknown, depth = 0): string | undefined {
  if (error === null || typeof error !== 'object' || depth > 5) return undefined;
  const { constraint, cause } = error as { constraint?: unknown; cause?: unknown };
  return typeof constraint === 'string' && constraint !== '' ? constraint : constraintOf(cause, depth + 1);
}
