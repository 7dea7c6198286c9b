// Renders the console's pictures in docs/images/ from real tmux captures: `pnpm build`, then `pnpm screenshots`.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ansiToSvg } from './screenshots/ansi-svg.ts';
import { walkConsole } from './screenshots/scenes.ts';
import { cliRunner, endAll, seedStore } from './screenshots/seed-store.ts';
import { TmuxPane } from './screenshots/tmux-pane.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'packages/tui/dist/bin.js');
const IMAGES = join(ROOT, 'docs/images');
const SIZE = { columns: 120, rows: 36 };
/** What the status bar would show on a person's machine, in place of the temporary store's path. */
const SHOWN_HOME = '~/.local/share/tenantry';

if (!existsSync(BIN)) fail(`${BIN} is missing: run \`pnpm build\` first (this script builds nothing).`);
try {
  execFileSync('tmux', ['-V'], { stdio: 'ignore' });
} catch {
  fail('tmux is needed to run the console in a real terminal (apt-get install tmux, brew install tmux).');
}

const work = mkdtempSync(join(tmpdir(), 'tenantry-screenshots-'));
const store = join(work, 'store');
const home = join(work, 'home');
mkdirSync(home);
const running = new Set<ChildProcess>();
let pane: TmuxPane | undefined;
// The store goes only once nothing can write to it any more.
const cleanUp = async () => {
  await endAll(running);
  pane?.kill();
  rmSync(work, { recursive: true, force: true, maxRetries: 5 });
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}

// Nothing of the caller's: an empty HOME (no config file, no profile), a fresh store held by one process at a time.
const env: Record<string, string> = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: home,
  TENANTRY_HOME: store,
  TENANTRY_STORE: 'in-process',
  LANG: 'C.UTF-8',
  TZ: 'UTC',
};
const routed = { ...env, TENANTRY_BASE_DOMAIN: 'example.com' };

try {
  process.stdout.write(`Seeding tenants in ${store}…\n`);
  await seedStore(cliRunner(BIN, env, running), cliRunner(BIN, routed, running));
  process.stdout.write(`Driving the console in tmux at ${SIZE.columns}x${SIZE.rows}…\n`);
  const pictures = new Map<string, string>();
  pane = await TmuxPane.start(work, [process.execPath, BIN, 'console'], SIZE, routed);
  const shown = pane;
  await walkConsole(shown, async (name, title) => {
    const capture = (await shown.screen(true)).replaceAll(store, SHOWN_HOME);
    pictures.set(`console-${name}.svg`, ansiToSvg(capture, { ...SIZE, title }));
  });
  mkdirSync(IMAGES, { recursive: true });
  for (const [file, svg] of pictures) writeFileSync(join(IMAGES, file), svg);
  process.stdout.write(`Wrote ${[...pictures.keys()].map((file) => `docs/images/${file}`).join(', ')}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
