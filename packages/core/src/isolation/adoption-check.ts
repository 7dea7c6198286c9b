import { randomBytes } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { Blueprint, TenantMigration } from './blueprint.ts';
import { IsolationErrors } from './isolation-errors.ts';
import { quoteIdent } from './names.ts';
import { nativeQuery } from './native-query.ts';
import { runBody } from './runner.ts';
import { linesMissing, readSchemaStructure, sameStructure, type SchemaStructure } from './schema-structure.ts';

/** Which blueprint migrations an existing schema already has (recorded, not run), and which it still needs. */
export interface AdoptionCheck {
  recorded: TenantMigration[];
  run: TenantMigration[];
}

const SAVEPOINT = 'tenantry_adoption_check';

/**
 * Decides how much of the blueprint an existing schema already has. The blueprint's migrations are run
 * one by one in a scratch schema inside a savepoint that is always rolled back (nothing is kept), and the
 * structure after each (see `readSchemaStructure`) is compared with the schema's: the schema must equal
 * the structure after exactly the first k migrations, for the smallest such k (a migration that changes
 * nothing the catalog shows, data only, counts as had only when a later one is found). Those k are
 * recorded; the rest run. Anything else is refused, naming what is missing or what no migration makes.
 */
export async function checkAdoption(tx: SqlEntityManager, blueprint: Blueprint, schema: string, tenantId: string): Promise<AdoptionCheck> {
  const target = await readSchemaStructure(tx, schema);
  const states = await replayBlueprint(tx, blueprint, tenantId);
  const migrations = blueprint.migrations;
  const had = states.findIndex((state) => sameStructure(state, target));
  if (had >= 0) return { recorded: migrations.slice(0, had), run: migrations.slice(had) };
  throw refusal(schema, migrations, states, target);
}

/** The structure before any migration (index 0) and after each, in a scratch schema that is rolled back. */
async function replayBlueprint(tx: SqlEntityManager, blueprint: Blueprint, tenantId: string): Promise<SchemaStructure[]> {
  const scratch = `tenantry_adoption_${randomBytes(6).toString('hex')}`;
  await nativeQuery(tx, `savepoint ${SAVEPOINT}`);
  try {
    await nativeQuery(tx, `create schema ${quoteIdent(scratch)}`);
    const states = [await readSchemaStructure(tx, scratch)];
    for (const migration of blueprint.migrations) {
      try {
        await runBody(tx, migration.schema, { mode: 'schema', schema: scratch, tenantId });
      } catch (error) {
        throw IsolationErrors.migrationFailed(`the adoption check's scratch schema`, migration.id, error);
      }
      states.push(await readSchemaStructure(tx, scratch));
    }
    return states;
  } finally {
    await nativeQuery(tx, `rollback to savepoint ${SAVEPOINT}`);
    await nativeQuery(tx, `release savepoint ${SAVEPOINT}`);
  }
}

/**
 * Why the schema matches no prefix of the blueprint. `had`: the furthest point all of whose objects the
 * schema has. The first later migration the schema has any object of is the one it has only part of (or
 * has before one it lacks): named with what the blueprint has by then that the schema lacks. Otherwise
 * the schema holds objects no migration makes.
 */
function refusal(schema: string, migrations: readonly TenantMigration[], states: readonly SchemaStructure[], target: SchemaStructure) {
  let had = 0;
  states.forEach((state, index) => {
    if (linesMissing(state, target).length === 0) had = index;
  });
  const matched = migrations.slice(0, had).map((migration) => migration.id);
  const known = new Set(states.flatMap((state) => [...state]));
  const unexpected = [...target].filter((line) => !known.has(line)).sort();
  for (let index = had + 1; index < states.length; index += 1) {
    const made = linesMissing(states[index] as SchemaStructure, states[index - 1] as SchemaStructure);
    if (!made.some((line) => target.has(line))) continue;
    const migration = (migrations[index - 1] as TenantMigration).id;
    return IsolationErrors.schemaPartlyMigrated(schema, { matched, migration, missing: linesMissing(states[index] as SchemaStructure, target), unexpected });
  }
  return IsolationErrors.schemaUnmatched(schema, { matched, unexpected });
}
