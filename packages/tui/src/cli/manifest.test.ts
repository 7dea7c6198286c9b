import { describe, expect, it } from 'vitest';
import { completionScript, SHELLS } from './completion.ts';
import { renderCommandHelp, renderGroupHelp } from './help.ts';
import { toManifest } from './manifest.ts';
import { COMMANDS } from './registry.ts';
import { hoistGlobalFlags, routeCommandLine } from './route.ts';

// The built binary answers help from dist/commands.json: it must say exactly what the specs say.
const manifest = toManifest(COMMANDS);
const fromJson = (JSON.parse(JSON.stringify(manifest)) as typeof manifest).commands;

describe('the command manifest', () => {
  it('renders the same help, group help and completion as the command specs', () => {
    COMMANDS.forEach((command, index) => expect(renderCommandHelp(fromJson[index] ?? command)).toBe(renderCommandHelp(command)));
    for (const prefix of [[], ['tenant'], ['key']]) expect(renderGroupHelp(fromJson, prefix)).toBe(renderGroupHelp(COMMANDS, prefix));
    for (const shell of SHELLS) expect(completionScript(shell, fromJson)).toBe(completionScript(shell, COMMANDS));
  });
});

describe('routeCommandLine', () => {
  it.each([
    { tokens: ['--json', 'tenant', 'list'], hoisted: ['tenant', 'list', '--json'] },
    { tokens: ['--database-url', 'postgresql://h/db', 'tenant', 'view', 'acme'], hoisted: ['tenant', 'view', 'acme', '--database-url', 'postgresql://h/db'] },
    { tokens: ['--profile=staging', 'audit', '--', '-x'], hoisted: ['audit', '--profile=staging', '--', '-x'] },
    { tokens: ['tenant', 'list', '--json'], hoisted: ['tenant', 'list', '--json'] },
  ])('moves leading global flags after the command: $tokens', ({ tokens, hoisted }) => {
    expect(hoistGlobalFlags(tokens)).toEqual(hoisted);
  });

  it.each([
    { tokens: ['-v'], kind: 'version' },
    { tokens: ['--help'], kind: 'group-help' },
    { tokens: ['--no-color', 'tenant'], kind: 'group-help' },
    { tokens: ['help', 'tenant', 'list'], kind: 'command-help' },
    { tokens: ['tenant', 'list', '-h'], kind: 'command-help' },
    { tokens: ['--verbose', 'tenant', 'ls'], kind: 'command' },
    { tokens: ['--nope'], kind: 'unknown-flag' },
    { tokens: ['tenat'], kind: 'unknown-command' },
  ])('$tokens is $kind', ({ tokens, kind }) => {
    expect(routeCommandLine(COMMANDS, tokens).kind).toBe(kind);
  });

  it('suggests the closest command word, and nothing for a word far from all', () => {
    expect(routeCommandLine(COMMANDS, ['tenat', 'list'])).toMatchObject({ kind: 'unknown-command', suggestion: 'tenant' });
    expect(routeCommandLine(COMMANDS, ['tenant', 'craete'])).toMatchObject({ suggestion: 'create' });
    expect(routeCommandLine(COMMANDS, ['xylophone'])).not.toHaveProperty('suggestion');
  });
});
