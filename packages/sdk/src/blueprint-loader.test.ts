import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rejectionOf } from '@tenantry/testing';
import { resolveBlueprint } from './blueprint-loader.ts';
import { SAMPLE_BLUEPRINT, TenantryError } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'tenantry-blueprint-'));
const module = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const failure = (promise: Promise<unknown>) => rejectionOf(promise, TenantryError);

describe('resolveBlueprint', () => {
  it('uses the given blueprint, else none (the sample applies), and validates it', async () => {
    expect(await resolveBlueprint({ blueprint: SAMPLE_BLUEPRINT, blueprintModule: undefined })).toBe(SAMPLE_BLUEPRINT);
    expect(await resolveBlueprint({ blueprint: undefined, blueprintModule: undefined })).toBeUndefined();
    const twice = { name: 'x', migrations: [SAMPLE_BLUEPRINT.migrations[0], SAMPLE_BLUEPRINT.migrations[0]] } as typeof SAMPLE_BLUEPRINT;
    const error = await failure(resolveBlueprint({ blueprint: twice, blueprintModule: undefined }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details.issues).toEqual([{ path: 'blueprint.migrations.1.id', message: '"0001_assets" is used twice' }]);
  });

  it('loads a module exporting a blueprint, or a function that extends the sample', async () => {
    const plain = module(
      'plain.mjs',
      `export const blueprint = { name: 'plain', migrations: [{ id: '0001_notes', description: 'n', schema: 'create table notes (id int)' }] };`,
    );
    expect((await resolveBlueprint({ blueprint: undefined, blueprintModule: plain }))?.name).toBe('plain');
    const extending = module(
      'extending.mjs',
      `export default (sample) => ({ ...sample, migrations: [...sample.migrations, { id: '0009_x', description: 'x', schema: 'select 1' }] });`,
    );
    const extended = await resolveBlueprint({ blueprint: undefined, blueprintModule: extending });
    expect(extended?.migrations.map((m) => m.id)).toEqual([...SAMPLE_BLUEPRINT.migrations.map((m) => m.id), '0009_x']);
  });

  it('refuses a module that is missing or exports no blueprint', async () => {
    expect((await failure(resolveBlueprint({ blueprint: undefined, blueprintModule: join(dir, 'missing.mjs') }))).code).toBe('BLUEPRINT_INVALID');
    const empty = module('empty.mjs', 'export const other = 1;');
    expect((await failure(resolveBlueprint({ blueprint: undefined, blueprintModule: empty }))).code).toBe('BLUEPRINT_INVALID');
  });
});
