import { onTestFinished } from 'vitest';

/**
 * The environment the prompt and console tests run in, whatever the caller's. Read when a prompt or an
 * Ink app starts: Node's readline turns line editing off on `TERM=dumb`, clack changes its output on
 * `CI` and `ACCESSIBLE`, Ink on `INK_SCREEN_READER`; the rest is fixed so nothing else can leak in.
 */
const TERMINAL_ENV: Readonly<Record<string, string | undefined>> = {
  TERM: 'xterm-256color',
  COLUMNS: '100',
  LINES: '30',
  LANG: 'C.UTF-8',
  LC_ALL: undefined,
  NO_COLOR: undefined,
  FORCE_COLOR: undefined,
  CI: undefined,
  ACCESSIBLE: undefined,
  INK_SCREEN_READER: undefined,
};

/** Sets that environment for the running test and restores the caller's when it finishes. */
export function fixTerminalEnv(): void {
  const saved = Object.fromEntries(Object.keys(TERMINAL_ENV).map((key) => [key, process.env[key]]));
  apply(TERMINAL_ENV);
  onTestFinished(() => apply(saved));
}

function apply(values: Readonly<Record<string, string | undefined>>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}
