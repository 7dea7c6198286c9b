import type { IO } from './command.ts';

/**
 * Whether Tenantry may prompt or open the console: stdin and stdout are terminals, `CI` is unset, and
 * `TERM` is not `dumb`. A dumb terminal has no cursor movement for the prompts and the console to redraw
 * with, and Node's readline gives it no line editing (Ctrl-U, backspace and arrows arrive as text), so
 * there every command behaves as without a terminal.
 */
export function canPrompt(io: Pick<IO, 'stdin' | 'stdout' | 'env'>): boolean {
  return Boolean(io.stdin.isTTY && io.stdout.isTTY) && !io.env.CI && io.env.TERM !== 'dumb';
}
