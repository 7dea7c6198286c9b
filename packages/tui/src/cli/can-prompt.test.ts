import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { canPrompt } from './can-prompt.ts';

const stream = (isTTY: boolean) => Object.assign(new PassThrough(), { isTTY });

const CASES: { what: string; stdin: boolean; stdout: boolean; env: Record<string, string | undefined>; prompts: boolean }[] = [
  { what: 'a terminal', stdin: true, stdout: true, env: { TERM: 'xterm-256color' }, prompts: true },
  { what: 'a terminal without TERM', stdin: true, stdout: true, env: {}, prompts: true },
  { what: 'a terminal with NO_COLOR', stdin: true, stdout: true, env: { TERM: 'xterm-256color', NO_COLOR: '1' }, prompts: true },
  { what: 'a dumb terminal', stdin: true, stdout: true, env: { TERM: 'dumb' }, prompts: false },
  { what: 'CI on a terminal', stdin: true, stdout: true, env: { TERM: 'xterm-256color', CI: 'true' }, prompts: false },
  { what: 'piped stdin', stdin: false, stdout: true, env: { TERM: 'xterm-256color' }, prompts: false },
  { what: 'piped stdout', stdin: true, stdout: false, env: { TERM: 'xterm-256color' }, prompts: false },
];

describe('canPrompt', () => {
  it.each(CASES)('$what: $prompts', ({ stdin, stdout, env, prompts }) => {
    expect(canPrompt({ stdin: stream(stdin), stdout: stream(stdout), env })).toBe(prompts);
  });
});
