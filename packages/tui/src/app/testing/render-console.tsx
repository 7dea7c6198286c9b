import { render } from 'ink-testing-library';
import type { TenantryClient } from '@tenantry/sdk';
import { App } from '../App.tsx';
import { ClientContext } from '../client-context.ts';
import { KEYMAP, type ActionId } from '../keymap.ts';
import { fixTerminalEnv } from '../../testing/terminal-env.ts';

const SEQUENCES: Record<string, string> = {
  enter: '\r',
  escape: '\u001b',
  up: '\u001b[A',
  down: '\u001b[B',
  pageup: '\u001b[5~',
  pagedown: '\u001b[6~',
  home: '\u001b[H',
  end: '\u001b[F',
  tab: '\t',
  backspace: '\u007f',
  'ctrl+c': '\u0003',
  'ctrl+b': '\u0002',
  'ctrl+f': '\u0006',
  'shift+tab': '\u001b[Z',
  space: ' ',
  left: '\u001b[D',
  right: '\u001b[C',
  'ctrl+left': '\u001b[1;5D',
  'ctrl+right': '\u001b[1;5C',
  delete: '\u001b[3~',
  'ctrl+a': '\u0001',
  'ctrl+e': '\u0005',
  'ctrl+k': '\u000b',
  'ctrl+u': '\u0015',
  'ctrl+w': '\u0017',
};

// eslint-disable-next-line no-control-regex -- frames are compared without their colours
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

export interface ConsoleHarness {
  /** Renders again at another terminal size, as a resize does. */
  resize(columns: number, rows: number): void;
  frame(): string;
  /** Resolves with the frame once it contains `text`; fails after `timeoutMs`, never sleeps a fixed time. */
  waitForFrame(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Presses the first key bound to an action in the keymap. */
  press(action: ActionId): void;
  /** Presses a key by name (`enter`, `down`) or types text. */
  key(name: string): void;
  type(text: string): void;
  unmount(): void;
}

/**
 * The console on ink-testing-library's streams (not a TTY, so Ink draws every frame plainly), sized by
 * props, in a fixed environment (see terminal-env.ts); call it inside the test.
 */
export function renderConsole(client: TenantryClient, size = { columns: 100, rows: 24 }, readonly = false): ConsoleHarness {
  fixTerminalEnv();
  const tree = (columns: number, rows: number) => (
    <ClientContext.Provider value={client}>
      <App readonly={readonly} columns={columns} rows={rows} />
    </ClientContext.Provider>
  );
  const instance = render(tree(size.columns, size.rows));
  const frame = () => stripAnsi(instance.lastFrame() ?? '');
  const key = (name: string) => instance.stdin.write(SEQUENCES[name] ?? name);
  return {
    resize: (columns, rows) => instance.rerender(tree(columns, rows)),
    frame,
    async waitForFrame(text, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const current = frame();
        if (typeof text === 'string' ? current.includes(text) : text.test(current)) return current;
        if (Date.now() > deadline) throw new Error(`frame never showed ${String(text)}; last frame:\n${current}`);
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    press(action) {
      const binding = KEYMAP.find((candidate) => candidate.action === action);
      if (!binding?.keys[0]) throw new Error(`no key for ${action}`);
      key(binding.keys[0]);
    },
    key,
    type: (text) => instance.stdin.write(text),
    unmount: () => instance.unmount(),
  };
}
