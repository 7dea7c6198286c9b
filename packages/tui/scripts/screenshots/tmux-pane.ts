import { execFile, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { awaitExit } from './processes.ts';

const exec = promisify(execFile);

/** No status line (the capture is the program's screen alone), and a pane that stays to be read if the program dies. */
const CONFIG = ['set -g status off', 'set -g remain-on-exit on', 'set -g default-terminal tmux-256color', ''].join('\n');

/**
 * One program in a tmux server of its own (its socket in `dir`, no user config), driven with
 * send-keys and read with capture-pane. `kill` ends the server and with it the program.
 */
export class TmuxPane {
  readonly #socket: string;
  readonly #config: string;

  private constructor(dir: string) {
    this.#socket = join(dir, 'tmux.sock');
    this.#config = join(dir, 'tmux.conf');
    writeFileSync(this.#config, CONFIG);
  }

  /** Starts `argv` at `columns`×`rows` with exactly `env` (tmux hands its own environment to the pane). */
  static async start(dir: string, argv: readonly string[], size: { columns: number; rows: number }, env: Record<string, string>): Promise<TmuxPane> {
    const pane = new TmuxPane(dir);
    await exec('tmux', [...pane.#base(), 'new-session', '-d', '-x', String(size.columns), '-y', String(size.rows), '--', ...argv], { env });
    return pane;
  }

  /** The screen as text; with `colours`, with its SGR escape sequences too (trailing blanks kept, so inverse bars keep their length). */
  async screen(colours = false): Promise<string> {
    const { stdout } = await exec('tmux', [...this.#base(), 'capture-pane', '-p', ...(colours ? ['-e', '-N'] : [])]);
    return stdout;
  }

  /** Polls the screen until `ready` holds for it; never a fixed sleep. */
  async waitFor(what: string, ready: (screen: string) => boolean, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = await this.screen();
      if (ready(screen)) return screen;
      if (await this.#dead()) throw new Error(`the program ended while waiting for ${what}:\n${screen}`);
      if (Date.now() > deadline) throw new Error(`the screen never showed ${what}:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Sends tmux key names (Enter, Escape, Tab, Down, Right...), one per call. */
  async keys(...names: string[]): Promise<void> {
    for (const name of names) await exec('tmux', [...this.#base(), 'send-keys', name]);
  }

  /** Types text literally, a character at a time, as a person would. */
  async type(text: string): Promise<void> {
    for (const char of text) await exec('tmux', [...this.#base(), 'send-keys', '-l', char]);
  }

  /** Resolves once the program has ended (the pane stays, dead, until `kill`). */
  async ended(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.#dead())) {
      if (Date.now() > deadline) throw new Error(`the program did not end:\n${await this.screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * Ends the server and the program in it, and waits until the program is gone (it may still be
   * writing its store); synchronous, so that it also runs on the way out of a signal.
   */
  kill(): void {
    let pid: number | undefined;
    try {
      pid = Number(execFileSync('tmux', [...this.#base(), 'display-message', '-p', '#{pane_pid}'], { encoding: 'utf8' }).trim()) || undefined;
      execFileSync('tmux', [...this.#base(), 'kill-server'], { stdio: 'ignore' });
    } catch {
      // The server is already gone.
    }
    if (pid !== undefined) awaitExit(pid, 10_000);
  }

  async #dead(): Promise<boolean> {
    const { stdout } = await exec('tmux', [...this.#base(), 'display-message', '-p', '#{pane_dead}']);
    return stdout.trim() === '1';
  }

  #base(): string[] {
    return ['-S', this.#socket, '-f', this.#config];
  }
}
