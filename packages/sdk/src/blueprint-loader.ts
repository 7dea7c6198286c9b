import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SAMPLE_BLUEPRINT, TenantryError, validateBlueprint, type Blueprint } from '@tenantry/core';
import type { ResolvedOptions } from './options.ts';

/**
 * The blueprint of the options, loading `blueprintModule` when one is named (a module exporting
 * `blueprint` or a default export: a blueprint, or a function given the sample blueprint that returns
 * one); validated either way.
 */
export async function resolveBlueprint(options: Pick<ResolvedOptions, 'blueprint' | 'blueprintModule'>): Promise<Blueprint | undefined> {
  if (options.blueprint) return validateBlueprint(options.blueprint);
  if (!options.blueprintModule) return undefined;
  const path = isAbsolute(options.blueprintModule) ? options.blueprintModule : resolve(options.blueprintModule);
  let loaded: { blueprint?: unknown; default?: unknown };
  try {
    loaded = (await import(pathToFileURL(path).href)) as typeof loaded;
  } catch (cause) {
    throw new TenantryError('BLUEPRINT_INVALID', {
      message: `Cannot load the blueprint module ${path}: ${cause instanceof Error ? cause.message : String(cause)}`,
      details: { issues: [{ path: 'blueprint', message: `cannot load ${path}` }] },
      hint: 'TENANTRY_BLUEPRINT names a JavaScript or TypeScript module exporting `blueprint` (or a default export).',
      cause,
    });
  }
  const exported = loaded.blueprint ?? loaded.default;
  // A function export extends the sample: (sample) => ({ ...sample, migrations: [...sample.migrations, mine] }).
  const candidate: unknown = typeof exported === 'function' ? await (exported as (sample: Blueprint) => unknown)(SAMPLE_BLUEPRINT) : exported;
  if (!isBlueprintShaped(candidate)) {
    throw new TenantryError('BLUEPRINT_INVALID', {
      message: `The module ${path} exports no blueprint (an object with a name and a list of migrations).`,
      details: { issues: [{ path: 'blueprint', message: 'no `blueprint` or default export with name and migrations' }] },
      hint: 'Export `const blueprint = { name, migrations: [...] }` from it, or a function `(sample) => blueprint`.',
    });
  }
  return validateBlueprint(candidate);
}

function isBlueprintShaped(value: unknown): value is Blueprint {
  return typeof value === 'object' && value !== null && Array.isArray((value as Blueprint).migrations) && typeof (value as Blueprint).name === 'string';
}
