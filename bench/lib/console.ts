import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../packages/tui/dist/bin.js', import.meta.url));

export interface TerminalFigures {
  /** From launch to the first frame on the terminal. */
  firstFrameMs: number;
  /** From launch until the tenant count is on screen (data loaded). */
  loadedMs: number;
  /** Key written to the terminal → the next frame, median and 95th percentile over 40 presses. */
  keyMedianMs: number;
  keyP95Ms: number;
}

/**
 * Runs a full-screen program in a real pseudo-terminal (util-linux `script`), and times its first frame,
 * its data, and the frame after each key press, reading the terminal's output as it streams.
 */
export async function timeTerminal(command: string[], env: Record<string, string>, ready: (screen: string) => boolean): Promise<TerminalFigures> {
  const started = performance.now();
  const child = spawn('script', ['-qfec', command.map((part) => `'${part.replaceAll("'", `'\\''`)}'`).join(' '), '/dev/null'], {
    env: { ...process.env, ...env, TERM: 'xterm-256color', COLUMNS: '120', LINES: '30', LANG: 'C.UTF-8', CI: undefined },
  });
  let screen = '';
  let firstFrameAt = 0;
  let lastChunkAt = 0;
  const waiters: (() => void)[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    lastChunkAt = performance.now();
    if (!firstFrameAt) firstFrameAt = lastChunkAt;
    screen = (screen + chunk.toString()).slice(-20_000);
    for (const wake of waiters.splice(0)) wake();
  });
  const until = async (test: () => boolean, what: string) => {
    const deadline = performance.now() + 120_000;
    while (!test()) {
      if (performance.now() > deadline) throw new Error(`the terminal never showed ${what}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 250);
      });
    }
  };
  await until(() => ready(screen), 'its data');
  const loadedMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const latencies: number[] = [];
  for (let press = 0; press < 40; press++) {
    const before = lastChunkAt;
    const sent = performance.now();
    child.stdin.write(press % 2 === 0 ? 'j' : 'k');
    await until(() => lastChunkAt > before, 'a frame after a key');
    latencies.push(lastChunkAt - sent);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.stdin.write('q');
  await new Promise((resolve) => child.on('close', resolve));
  latencies.sort((a, b) => a - b);
  return { firstFrameMs: firstFrameAt - started, loadedMs, keyMedianMs: latencies[20] ?? 0, keyP95Ms: latencies[38] ?? 0 };
}

/** The console on a store of 10,000 tenants. */
export function timeConsole(cliEnv: Record<string, string>): Promise<TerminalFigures> {
  // Loaded: the count in the status bar, and the doctor's health column filled.
  return timeTerminal([process.execPath, BIN], cliEnv, (screen) => screen.includes('10000 tenants') && /✓ healthy|! warning|✗ failing/.test(screen));
}

/**
 * The floor: the plainest full-screen Node program, which draws one frame on start and a new one for each
 * key in raw mode, with no data to load.
 */
export function timeBareTerminal(): Promise<TerminalFigures> {
  const program = `
    process.stdin.setRawMode(true);
    let line = 0;
    const draw = () => process.stdout.write('\\u001b[2J\\u001b[H10000 tenants · row ' + line + '\\n');
    draw();
    process.stdin.on('data', (key) => { if (String(key) === 'q') process.exit(0); line += String(key) === 'j' ? 1 : -1; draw(); });`;
  return timeTerminal([process.execPath, '-e', program], {}, (screen) => screen.includes('10000 tenants'));
}
