import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** A terminal as a person has one: UTF-8, colour, no CI; the size is the pane's, read from the terminal. */
const PANE_ENV: Record<string, string | undefined> = {
  TERM: 'xterm-256color',
  LANG: 'C.UTF-8',
  LC_ALL: undefined,
  COLUMNS: undefined,
  LINES: undefined,
  NO_COLOR: undefined,
  FORCE_COLOR: undefined,
  CI: undefined,
};

/** Runs tmux on a private server with a minimal environment (the server hands it to every pane). */
function tmux(socket: string, ...args: string[]) {
  const env: Record<string, string | undefined> = { TERM: PANE_ENV.TERM, LANG: PANE_ENV.LANG };
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'TMUX_TMPDIR']) env[key] = process.env[key];
  return exec('tmux', ['-L', socket, ...args], { env });
}

/** A program running in a private tmux server, driven key by key and read from the screen. */
export class TmuxSession {
  readonly #socket: string;
  readonly #exitFile: string;

  private constructor(socket: string, exitFile: string) {
    this.#socket = socket;
    this.#exitFile = exitFile;
  }

  /**
   * Starts `argv` in a shell that records its exit code once it ends. The pane's environment is
   * PANE_ENV plus `env`, never the caller's: tmux runs with PATH, HOME and TMPDIR alone besides.
   */
  static async start(argv: string[], options: { env: Record<string, string | undefined>; columns?: number; rows?: number }): Promise<TmuxSession> {
    const dir = mkdtempSync(join(tmpdir(), 'tenantry-tmux-'));
    const socket = `tenantry-${process.pid}-${Date.now().toString(36)}`;
    const exitFile = join(dir, 'exit');
    const env = Object.entries({ ...PANE_ENV, ...options.env });
    const exports = env
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([key, value]) => `export ${key}=${shellQuote(value)};`)
      .join(' ');
    const unsets = env
      .filter(([, value]) => value === undefined)
      .map(([key]) => `unset ${key};`)
      .join(' ');
    const script = `${unsets} ${exports} ${argv.map(shellQuote).join(' ')}; echo $? > ${shellQuote(exitFile)}; echo "[exited]"; sleep 600`;
    await tmux(socket, 'new-session', '-d', '-x', String(options.columns ?? 100), '-y', String(options.rows ?? 30), 'bash', '-c', script);
    return new TmuxSession(socket, exitFile);
  }

  async screen(): Promise<string> {
    const { stdout } = await tmux(this.#socket, 'capture-pane', '-p');
    return stdout;
  }

  /** Polls the screen until it shows `text`; never a fixed sleep. */
  async waitFor(text: string | RegExp, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = await this.screen();
      if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`the screen never showed ${String(text)}:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Sends tmux key names one per call (Enter, Escape, Tab, BTab, Down, C-u...). */
  async keys(...names: string[]): Promise<void> {
    for (const name of names) await tmux(this.#socket, 'send-keys', name);
  }

  /** Types text literally, one character at a time, as a person would. */
  async type(text: string): Promise<void> {
    for (const char of text) await tmux(this.#socket, 'send-keys', '-l', char);
  }

  /** Waits for the program to end and returns its exit code. */
  async exitCode(timeoutMs = 20_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(this.#exitFile) || readFileSync(this.#exitFile, 'utf8').trim() === '') {
      if (Date.now() > deadline) throw new Error(`the program did not exit:\n${await this.screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return Number(readFileSync(this.#exitFile, 'utf8').trim());
  }

  async kill(): Promise<void> {
    await tmux(this.#socket, 'kill-server').catch(() => undefined);
  }
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
