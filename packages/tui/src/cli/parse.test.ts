import { describe, expect, it } from 'vitest';
import { TenantryError } from '@tenantry/sdk';
import { defineCommand } from './command.ts';
import { parseCommandLine, resolveCommand } from './parse.ts';

const noop = async () => undefined;
const create = defineCommand({
  path: ['tenant', 'create'],
  aliases: [['provision']],
  summary: 'Creates.',
  examples: [],
  json: true,
  flags: [
    { name: 'name', type: 'string', description: '' },
    { name: 'max-users', type: 'integer', description: '' },
    { name: 'feature', type: 'list', description: '' },
    { name: 'dry-run', type: 'boolean', description: '' },
  ],
  run: noop,
});
const view = defineCommand({ path: ['tenant', 'view'], summary: 'Shows.', examples: [], args: [{ name: 'slug', description: 'slug' }], run: noop });
const commands = [create, view];

function invalid(run: () => unknown): TenantryError {
  try {
    run();
  } catch (error) {
    if (error instanceof TenantryError) return error;
  }
  throw new Error('expected INVALID_INPUT');
}

describe('resolveCommand', () => {
  it('finds commands by path or alias, and groups by prefix', () => {
    expect(resolveCommand(commands, ['tenant', 'create', '--name', 'x']).command).toBe(create);
    expect(resolveCommand(commands, ['provision', '--name', 'x']).rest).toEqual(['--name', 'x']);
    expect(resolveCommand(commands, ['tenant', 'view', 'acme']).rest).toEqual(['acme']);
    expect(resolveCommand(commands, ['tenant'])).toEqual({ words: ['tenant'], rest: [] });
    expect(resolveCommand(commands, ['tenantz'])).toEqual({ words: [], rest: ['tenantz'] });
  });
});

describe('parseCommandLine', () => {
  it('parses strings, integers, repeated lists and booleans', () => {
    expect(parseCommandLine(create, ['--name', 'Acme', '--max-users', '12', '--feature', 'sso', '--feature', 'analytics', '--dry-run', '--json'])).toEqual({
      args: {},
      flags: { name: 'Acme', 'max-users': 12, feature: ['sso', 'analytics'], 'dry-run': true, json: true },
      issues: [],
      missing: [],
    });
  });

  it('refuses unknown flags, missing values, missing and extra arguments', () => {
    expect(invalid(() => parseCommandLine(create, ['--nmae', 'x'])).details.issues).toEqual([
      { path: 'argv', message: expect.stringContaining('unknown flag --nmae') },
    ]);
    expect(invalid(() => parseCommandLine(create, ['--name'])).details.issues).toEqual([{ path: 'argv', message: 'flag --name needs a value' }]);
    expect(invalid(() => parseCommandLine(view, [])).details.issues).toEqual([{ path: 'slug', message: expect.stringContaining('<slug>') }]);
    expect(invalid(() => parseCommandLine(view, ['a', 'b'])).details.issues).toEqual([{ path: 'argv', message: expect.stringContaining('"b"') }]);
  });

  it('refuses a non-number for an integer flag', () => {
    expect(invalid(() => parseCommandLine(view, ['acme', '--help=x'])).code).toBe('INVALID_INPUT');
    const flagIssues = invalid(() => parseCommandLine({ ...view, flags: [{ name: 'count', type: 'integer', description: '' }] }, ['acme', '--count', '1.5']));
    expect(flagIssues.details.issues).toEqual([{ path: '--count', message: 'must be a whole number (got "1.5")' }]);
  });

  it("refuses a value outside an enumerated flag's choices, naming the flag and the choices", () => {
    const bulk = { ...view, flags: [{ name: 'owner-passwords', type: 'string' as const, choices: ['generate', 'none'], description: '' }] };
    expect(invalid(() => parseCommandLine(bulk, ['acme', '--owner-passwords', 'nonee'])).details.issues).toEqual([
      { path: '--owner-passwords', message: 'must be one of generate, none (got "nonee")' },
    ]);
    expect(parseCommandLine(bulk, ['acme', '--owner-passwords', 'none']).flags['owner-passwords']).toBe('none');
  });

  it('hands integer problems to commands that report them with the SDK validation', () => {
    const parsed = parseCommandLine({ ...create, reportsFlagIssues: true }, ['--max-users', 'ten']);
    expect(parsed.flags['max-users']).toBeUndefined();
    expect(parsed.issues).toEqual([{ path: '--max-users', message: 'must be a whole number (got "ten")' }]);
  });
});

describe('variadic arguments', () => {
  it('hand every value of a variadic last argument to the command, in order', () => {
    const set = defineCommand({
      path: ['tenant', 'set'],
      summary: 'Sets.',
      examples: [],
      args: [
        { name: 'slug', description: 'slug' },
        { name: 'assignment', description: 'k=v', variadic: true },
      ],
      run: noop,
    });
    expect(parseCommandLine(set, ['acme', 'theme=dark', 'timezone=UTC'])).toEqual({
      args: { slug: 'acme', assignment: 'theme=dark' },
      flags: {},
      issues: [],
      missing: [],
      rest: ['theme=dark', 'timezone=UTC'],
    });
    expect(invalid(() => parseCommandLine(set, ['acme'])).details.issues).toEqual([{ path: 'assignment', message: expect.stringContaining('<assignment>') }]);
  });
});
